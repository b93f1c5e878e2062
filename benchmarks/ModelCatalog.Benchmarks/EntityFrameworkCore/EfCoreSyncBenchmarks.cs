using BenchmarkDotNet.Attributes;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>
/// Syncs the 2026-03-03 LiteLLM snapshot (2,669 entries) into a catalog database, once with the sync engine and the
/// EF Core store (one read, one transaction), once with the naive per-model loop (the baseline). Subclasses choose the
/// starting state; the database provider is a parameter (PostgreSQL only when MODELCATALOG_POSTGRES is set).
/// </summary>
[MemoryDiagnoser]
public abstract class EfCoreSyncBenchmarks
{
    protected BenchmarkDatabase Database { get; private set; } = null!;

    protected ModelSnapshot<CatalogModel> Snapshot { get; private set; } = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Providers => BenchmarkDatabase.Providers();

    [GlobalSetup]
    public void Setup()
    {
        Database = BenchmarkDatabase.Create(Provider);
        Snapshot = SnapshotFile.ReadAsync().GetAwaiter().GetResult();
        Database.RecreateAsync().GetAwaiter().GetResult();
        Prepare();
    }

    [GlobalCleanup]
    public void Cleanup() => Database.DropAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task Naive_find_merge_SaveChanges_per_model() => NaiveSync.RunAsync(Database.Options, Snapshot);

    [Benchmark]
    public async Task<int> ModelSynchronizer_with_EfCoreModelStore() => Check(await new ModelSynchronizer<CatalogModel>(Database.Store).SyncAsync(Snapshot));

    /// <summary>Brings the database into the starting state once, after it was created empty.</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>Checks the sync did what the benchmark claims.</summary>
    protected virtual int Check(SyncReport report) => report.Writes;
}
