using BenchmarkDotNet.Attributes;
using ModelCatalog.Benchmarks.EntityFrameworkCore;
using ModelCatalog.ReadModel;

namespace ModelCatalog.Benchmarks.ReadModel;

/// <summary>
/// What keeping the read model current costs, over the 2,647 models of the 2026-03-03 LiteLLM snapshot: a local edit of
/// one model through a catalog without a read model (the baseline) and with one (the edit plus the incremental refresh
/// that makes it visible before the call returns); a poll that finds nothing changed; a full reload.
/// </summary>
[MemoryDiagnoser]
public class ReadModelRefreshBenchmarks
{
    private static readonly UnifiedModelId Edited = UnifiedModelId.Parse("openai/gpt-4o");
    private BenchmarkDatabase _database = null!;
    private DefaultModelCatalog<CatalogModel> _plain = null!;
    private DefaultModelCatalog<CatalogModel> _observed = null!;
    private ModelReadModel<CatalogModel> _readModel = null!;
    private int _edits;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Providers => BenchmarkDatabase.Providers();

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Create(Provider);
        _database.RecreateAsync().GetAwaiter().GetResult();
        _plain = new DefaultModelCatalog<CatalogModel>(_database.Store);
        _plain.SyncAsync(SnapshotFile.ReadAsync().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();
        _readModel = new ModelReadModel<CatalogModel>(_database.Store);
        _observed = new DefaultModelCatalog<CatalogModel>(_database.Store, observers: [_readModel]);

        // What one snapshot of the catalog keeps alive (models, indexes, listing), printed into the run's log.
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var snapshot = _readModel.GetSnapshotAsync().AsTask().GetAwaiter().GetResult();
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"// Snapshot of {snapshot.Count} models ({Provider}): {retained / 1024.0 / 1024.0:0.00} MB retained");
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DropAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> Edit_one_model_without_read_model() => (await _plain.EditAsync(Edited, Rename)).Changes.Count;

    [Benchmark]
    public async Task<int> Edit_one_model_with_read_model_refresh() => (await _observed.EditAsync(Edited, Rename)).Changes.Count;

    [Benchmark]
    public async Task<long> Refresh_nothing_changed() => (await _readModel.RefreshAsync()).Generation;

    [Benchmark]
    public async Task<long> Full_reload() => (await _readModel.ReloadAsync()).Generation;

    // A different name each time, so every edit writes.
    private void Rename(CatalogModel model) => model.DisplayName = $"GPT-4o edit {++_edits}";
}
