using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.Sync;

/// <summary>
/// The usual hand-written sync: for each official model, find it, merge it, and write it on its own (no batch,
/// no single load of what exists). The baseline the sync engine is measured against.
/// </summary>
internal static class NaiveLoop
{
    public static async Task SyncAsync(IModelStore<CatalogModel> store, ModelSnapshot<CatalogModel> snapshot)
    {
        var merger = CatalogModel.Merger;
        var seen = new HashSet<UnifiedModelId>();
        foreach (var official in snapshot.Models)
        {
            if (!seen.Add(official.Id))
            {
                continue;
            }

            var stored = await store.FindAsync(official.Id);
            if (stored is null)
            {
                var state = new ModelSyncState(merger.CaptureBaseline(official), DateTimeOffset.UtcNow, snapshot.SourceName, snapshot.Version, null);
                await store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Create(Guid.CreateVersion7(), official.Id, merger.Clone(official), state)));
                continue;
            }

            var merge = merger.Merge(stored.Model, official, stored.SyncState.Baseline, UpdateMode.Smart);
            if (!merge.IsNoOp)
            {
                await store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Update(stored, official.Id, stored.Model, stored.SyncState with { Baseline = merge.Baseline })));
            }
        }
    }
}
