namespace ModelCatalog.Sync;

/// <summary>Where official model data comes from: a file, an HTTP API, an embedded resource.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelSource<TModel>
    where TModel : class
{
    /// <summary>The source's name; models it creates belong to it (removal of missing models is per source).</summary>
    string Name { get; }

    /// <summary>Fetches the current official snapshot.</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The snapshot.</returns>
    ValueTask<ModelSnapshot<TModel>> FetchAsync(CancellationToken cancellationToken = default);
}
