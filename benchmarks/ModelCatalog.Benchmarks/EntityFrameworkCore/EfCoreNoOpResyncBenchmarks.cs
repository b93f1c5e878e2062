using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>Re-sync into a catalog that already holds the snapshot: nothing changes, so nothing may be written.</summary>
public class EfCoreNoOpResyncBenchmarks : EfCoreSyncBenchmarks
{
    protected override void Prepare()
    {
        var report = new ModelSynchronizer<CatalogModel>(Database.Store).SyncAsync(Snapshot).AsTask().GetAwaiter().GetResult();
        if (report.Created == 0)
        {
            throw new InvalidOperationException("the initial import created nothing");
        }
    }

    protected override int Check(SyncReport report)
        => report.Writes == 0 ? report.Unchanged : throw new InvalidOperationException($"a no-op re-sync wrote {report.Writes} models");
}
