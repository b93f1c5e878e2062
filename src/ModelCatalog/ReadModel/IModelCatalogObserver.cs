namespace ModelCatalog.ReadModel;

/// <summary>
/// Told by <see cref="DefaultModelCatalog{TModel}"/> after every call that may have written the store (sync, local edit,
/// provider delete), before the call returns, so that what the call wrote is visible to the observer's readers when
/// the caller continues. The read model is one; register more with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IModelCatalogObserver&lt;TModel&gt;, T&gt;())</c>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelCatalogObserver<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>
    /// Called after the store may have changed. Must not throw for its own failures (record them instead): the
    /// catalog's call has already succeeded or failed on its own terms.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reaction.</param>
    /// <returns>A task that completes when the observer has caught up.</returns>
    ValueTask OnCatalogChangedAsync(CancellationToken cancellationToken = default);
}
