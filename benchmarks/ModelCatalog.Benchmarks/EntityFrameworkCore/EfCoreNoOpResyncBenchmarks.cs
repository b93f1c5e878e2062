using BenchmarkDotNet.Attributes;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>
/// Re-sync of the 2026-03-03 LiteLLM snapshot (2,669 entries) into a catalog that already holds it: nothing changes,
/// so nothing may be written. The sync engine with the EF Core store beside the naive per-model loop.
/// </summary>
[MemoryDiagnoser]
public class EfCoreNoOpResyncBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private ModelSnapshot<CatalogModel> _snapshot = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Providers => BenchmarkDatabase.Providers();

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Create(Provider);
        _snapshot = SnapshotFile.ReadAsync().GetAwaiter().GetResult();
        _database.RecreateAsync().GetAwaiter().GetResult();
        var report = new ModelSynchronizer<CatalogModel>(_database.Store).SyncAsync(_snapshot).AsTask().GetAwaiter().GetResult();
        if (report.Created == 0)
        {
            throw new InvalidOperationException("the initial import created nothing");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DropAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task Naive_find_merge_SaveChanges_per_model() => NaiveSync.RunAsync(_database.Options, _snapshot);

    [Benchmark]
    public async Task<int> ModelSynchronizer_with_EfCoreModelStore()
    {
        var report = await new ModelSynchronizer<CatalogModel>(_database.Store).SyncAsync(_snapshot);
        return report.Writes == 0 ? report.Unchanged : throw new InvalidOperationException($"a no-op re-sync wrote {report.Writes} models");
    }
}
