using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>An <see cref="IModelSource{TModel}"/> that reads a catalog file on every fetch.</summary>
/// <param name="path">The file.</param>
/// <param name="format">Its format.</param>
/// <param name="name">The source name; the format's name when <see langword="null"/>.</param>
/// <param name="timeProvider">The clock for the fetch time.</param>
public sealed class CatalogFileSource(string path, CatalogFormat format, string? name = null, TimeProvider? timeProvider = null) : IModelSource<CatalogModel>
{
    /// <inheritdoc/>
    public string Name { get; } = name ?? CatalogImporter.Name(format);

    /// <inheritdoc/>
    public async ValueTask<ModelSnapshot<CatalogModel>> FetchAsync(CancellationToken cancellationToken = default)
        => await CatalogImporter.ReadFileAsync(path, format, Name, null, (timeProvider ?? TimeProvider.System).GetUtcNow(), cancellationToken).ConfigureAwait(false);
}
