using BenchmarkDotNet.Attributes;
using ModelCatalog.Benchmarks.EntityFrameworkCore;
using ModelCatalog.Gateway;
using ModelCatalog.ReadModel;

namespace ModelCatalog.Benchmarks.ReadModel;

/// <summary>
/// The 2,647 models of the 2026-03-03 LiteLLM snapshot in a catalog database (SQLite, and PostgreSQL when
/// MODELCATALOG_POSTGRES is set), served three ways: the catalog-backed directory that queries the store per call (the
/// old default, the baseline), the read-model directory (the new default of <c>AddCatalogGatewayModelDirectory</c>),
/// and <see cref="InMemoryGatewayModelDirectory"/> over the same models (the yardstick).
/// </summary>
[MemoryDiagnoser]
public abstract class DirectoryBenchmarkBase
{
    private BenchmarkDatabase _database = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Providers => BenchmarkDatabase.Providers();

    protected IGatewayModelDirectory CatalogBacked { get; private set; } = null!;

    protected IGatewayModelDirectory ReadModelBacked { get; private set; } = null!;

    protected IGatewayModelDirectory InMemory { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkDatabase.Create(Provider);
        _database.RecreateAsync().GetAwaiter().GetResult();
        var catalog = new DefaultModelCatalog<CatalogModel>(_database.Store);
        catalog.SyncAsync(SnapshotFile.ReadAsync().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();

        CatalogBacked = new CatalogGatewayModelDirectory<CatalogModel>(_database.Store);
        var readModel = new ModelReadModel<CatalogModel>(_database.Store);
        ReadModelBacked = new ReadModelGatewayModelDirectory<CatalogModel>(readModel);
        var models = ModelListing.ListAsync(ReadModelBacked).AsTask().GetAwaiter().GetResult();
        if (models.Count < 2_600)
        {
            throw new InvalidOperationException($"Expected the 2,647 models of the snapshot, found {models.Count} listed.");
        }

        InMemory = new InMemoryGatewayModelDirectory(ToList(ReadModelBacked));
        Prepare();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DropAsync().GetAwaiter().GetResult();

    protected virtual void Prepare()
    {
    }

    private static List<GatewayModel> ToList(IGatewayModelDirectory directory)
    {
        var list = new List<GatewayModel>();
        var enumerator = directory.ListAsync().GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            list.Add(enumerator.Current);
        }

        return list;
    }
}
