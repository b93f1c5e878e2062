using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace ModelCatalog.Tests.ReadModel;

/// <summary>
/// An in-memory store that says it is shared, so the read model polls it; writes made straight to it (not through the
/// catalog) stand for another process's writes.
/// </summary>
public sealed class SharedInMemoryStore : InMemoryModelStore<CatalogModel>, IModelChangeFeed<CatalogModel>
{
    private int _markerReads;

    /// <summary>How many times the change marker was read.</summary>
    public int MarkerReads => Volatile.Read(ref _markerReads);

    bool IModelChangeFeed<CatalogModel>.IsShared => true;

    ValueTask<long> IModelChangeFeed<CatalogModel>.GetChangeMarkerAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _markerReads);
        return GetChangeMarkerAsync(cancellationToken);
    }

    /// <summary>Writes a model as another process would: straight to the store, no catalog told.</summary>
    public ValueTask WriteElsewhereAsync(string id, string description)
    {
        var unified = UnifiedModelId.Parse(id);
        return ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Create(
            Guid.CreateVersion7(), unified, new CatalogModel { Id = unified, Description = description }, ModelSyncState.None)));
    }
}
