using BenchmarkDotNet.Attributes;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>
/// Initial import of the 2026-03-03 LiteLLM snapshot (2,669 entries) into an empty catalog database: the sync engine
/// with the EF Core store (one read, one transaction) beside the naive per-model loop. The database is recreated
/// before every iteration (not measured).
/// </summary>
[MemoryDiagnoser]
public class EfCoreInitialImportBenchmarks
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
    }

    [IterationSetup]
    public void EmptyDatabase() => _database.RecreateAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _database.DropAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task Naive_find_merge_SaveChanges_per_model() => NaiveSync.RunAsync(_database.Options, _snapshot);

    [Benchmark]
    public async Task<int> ModelSynchronizer_with_EfCoreModelStore()
        => (await new ModelSynchronizer<CatalogModel>(_database.Store).SyncAsync(_snapshot)).Created;
}
