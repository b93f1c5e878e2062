using BenchmarkDotNet.Attributes;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.Sync;

/// <summary>
/// Initial sync and no-op re-sync of the 2026-03-03 LiteLLM snapshot (2,669 entries) into the in-memory store,
/// beside the naive loop (per model: find, merge, write one batch).
/// </summary>
[MemoryDiagnoser]
public class InMemorySyncBenchmarks
{
    private ModelSnapshot<CatalogModel> _snapshot = null!;
    private InMemoryModelStore<CatalogModel> _synced = null!;
    private InMemoryModelStore<CatalogModel> _fresh = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = ModelCatalog.Benchmarks.EntityFrameworkCore.SnapshotFile.ReadAsync().GetAwaiter().GetResult();
        _synced = new InMemoryModelStore<CatalogModel>();
        new ModelSynchronizer<CatalogModel>(_synced).SyncAsync(_snapshot).AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup(Targets = [nameof(InitialSync), nameof(NaiveInitialImport)])]
    public void FreshStore() => _fresh = new InMemoryModelStore<CatalogModel>();

    [Benchmark(Baseline = true)]
    public async Task NaiveInitialImport() => await NaiveLoop.SyncAsync(_fresh, _snapshot);

    [Benchmark]
    public async Task<SyncReport> InitialSync() => await new ModelSynchronizer<CatalogModel>(_fresh).SyncAsync(_snapshot);

    [Benchmark]
    public async Task NaiveNoOpResync() => await NaiveLoop.SyncAsync(_synced, _snapshot);

    [Benchmark]
    public async Task<SyncReport> NoOpResync() => await new ModelSynchronizer<CatalogModel>(_synced).SyncAsync(_snapshot);
}
