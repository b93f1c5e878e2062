using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>An <see cref="IModelSource{TModel}"/> of the host's model type that reads a catalog file on every fetch.</summary>
/// <typeparam name="TModel">The host's model type.</typeparam>
public sealed class CatalogFileSource<TModel> : IModelSource<TModel>
    where TModel : class
{
    private readonly string _path;
    private readonly CatalogFormat? _format;
    private readonly CatalogMapping<TModel> _mapping;
    private readonly TimeProvider _time;

    /// <summary>Creates the source.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format, or <see langword="null"/> to detect it from the content.</param>
    /// <param name="mapping">Makes the host's model of each entry (<see cref="CatalogMapping.For{TModel}"/> or <see cref="CatalogMapping.Project{TModel}"/>).</param>
    /// <param name="name">The source name; the format's name (the file name without extension when detected) when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for the fetch time.</param>
    public CatalogFileSource(string path, CatalogFormat? format, CatalogMapping<TModel> mapping, string? name = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(mapping);
        _path = path;
        _format = format;
        _mapping = mapping;
        _time = timeProvider ?? TimeProvider.System;
        Name = name ?? (format is { } known ? CatalogImporter.Name(known) : Path.GetFileNameWithoutExtension(path));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async ValueTask<ModelSnapshot<TModel>> FetchAsync(CancellationToken cancellationToken = default)
        => await CatalogImporter.ReadFileAsync(_path, _format, _mapping, Name, null, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
}
