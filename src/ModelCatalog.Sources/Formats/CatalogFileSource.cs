using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>An <see cref="IModelSource{TModel}"/> of the built-in <see cref="CatalogModel"/> that reads a catalog file on every fetch.</summary>
/// <param name="path">The file.</param>
/// <param name="format">Its format, or <see langword="null"/> to detect it from the content.</param>
/// <param name="name">The source name; the format's name when <see langword="null"/>.</param>
/// <param name="timeProvider">The clock for the fetch time.</param>
public sealed class CatalogFileSource(string path, CatalogFormat? format, string? name = null, TimeProvider? timeProvider = null) : IModelSource<CatalogModel>
{
    private readonly CatalogFileSource<CatalogModel> _inner = new(path, format, CatalogMapping.Default, name, timeProvider);

    /// <inheritdoc/>
    public string Name => _inner.Name;

    /// <inheritdoc/>
    public ValueTask<ModelSnapshot<CatalogModel>> FetchAsync(CancellationToken cancellationToken = default) => _inner.FetchAsync(cancellationToken);
}
