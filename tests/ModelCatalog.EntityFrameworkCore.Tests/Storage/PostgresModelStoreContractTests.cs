using System.Reflection;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;
using ModelCatalog.Testing;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The store contract on a real PostgreSQL server (one database for the class, emptied before each test). Each contract
/// test is one row of a theory, so the whole suite can be skipped with a visible reason when no server is configured
/// (inherited facts cannot be); new contract tests are picked up by reflection.
/// </summary>
public sealed class PostgresModelStoreContractTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    public static TheoryData<string> ContractTests()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(ModelStoreContractTests).GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<FactAttribute>() is not null)
            {
                data.Add(method.Name);
            }
        }

        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(ContractTests))]
    public async Task Contract(string test)
    {
        var suite = new Suite(database);
        await suite.InitializeAsync();
        try
        {
            var method = typeof(ModelStoreContractTests).GetMethod(test)!;
            await (Task)method.Invoke(suite, null)!;
        }
        finally
        {
            await suite.DisposeAsync();
        }
    }

    [Fact]
    public void Every_contract_test_is_run()
        => Assert.True(ContractTests().Count >= 20, "the contract suite's facts were not found by reflection");

    private sealed class Suite(PostgresDatabaseFixture database) : ModelStoreContractTests
    {
        protected override async Task<IModelStore<CatalogModel>> CreateStoreAsync()
        {
            await database.ResetAsync();
            return StoreFactory.Create(StoreFactory.PostgresOptions(database.ConnectionString));
        }

        protected override Task<IModelStore<CatalogModel>> ReopenStoreAsync()
            => Task.FromResult<IModelStore<CatalogModel>>(StoreFactory.Create(StoreFactory.PostgresOptions(database.ConnectionString)));
    }
}
