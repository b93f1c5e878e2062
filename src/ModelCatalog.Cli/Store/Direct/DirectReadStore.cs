using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Store.Direct;

/// <summary>
/// The tool's SQLite store: reads through <see cref="SqliteCatalogReader"/>, writes and history through the EF Core
/// store, which is built on the first write — so a command that only reads (show, list, a no-op re-sync) never starts
/// EF Core. Both see the same rows: a write checks the versions the reads returned, as with the EF Core store alone.
/// </summary>
internal sealed class DirectReadStore(SqliteCatalogReader reader, Func<IModelStore<CatalogModel>> openWriter) : IModelStore<CatalogModel>
{
    private IModelStore<CatalogModel>? _writer;

    private IModelStore<CatalogModel> Writer => _writer ??= openWriter();

    public ValueTask<StoredModel<CatalogModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => reader.FindAsync(id, cancellationToken);

    public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>>> FindManyAsync(IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
        => reader.FindManyAsync(ids, cancellationToken);

    public ValueTask<ModelPage<CatalogModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
        => reader.ListAsync(query, cancellationToken);

    public ValueTask ApplyAsync(ModelBatch<CatalogModel> batch, CancellationToken cancellationToken = default)
        => Writer.ApplyAsync(batch, cancellationToken);

    public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
        => Writer.DeleteProviderAsync(providerId, at, cancellationToken);

    public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => Writer.GetHistoryAsync(id, cancellationToken);
}
