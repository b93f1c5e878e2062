using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;
using ModelCatalog.Testing;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>The store contract on a real SQLite file, a fresh one per test.</summary>
public sealed class SqliteModelStoreContractTests : ModelStoreContractTests
{
    private readonly string _path = StoreFactory.NewSqlitePath();

    protected override async Task<IModelStore<CatalogModel>> CreateStoreAsync()
    {
        var store = StoreFactory.Create(StoreFactory.SqliteOptions(_path));
        await store.EnsureCreatedAsync();
        return store;
    }

    protected override Task<IModelStore<CatalogModel>> ReopenStoreAsync()
        => Task.FromResult<IModelStore<CatalogModel>>(StoreFactory.Create(StoreFactory.SqliteOptions(_path)));

    protected override Task DisposeStoreAsync()
    {
        StoreFactory.DeleteSqlite(_path);
        return Task.CompletedTask;
    }
}
