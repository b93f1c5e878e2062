using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Tests.Support;

namespace ModelCatalog.Gateway.Tests.ReadModel;

public sealed class InMemoryReadModelDirectoryTests : ReadModelDirectoryTests
{
    protected override Task UseStoreAsync(ModelCatalogBuilder<CatalogModel> catalog) => Task.CompletedTask;

    [Fact]
    public async Task Resolving_a_known_id_allocates_nothing()
    {
        var directory = Directory;
        var id = UnifiedModelId.Parse("openai/gpt-4o");
        await directory.FindAsync(id); // projected once

        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        for (int i = 0; i < 100; i++)
        {
            // Completed synchronously, so awaiting stays on this thread and boxes nothing.
            found += await directory.FindAsync(id) is not null ? 1 : 0;
            found += await directory.FindIgnoreCaseAsync(id) is not null ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(200, found);
    }
}

public sealed class SqliteReadModelDirectoryTests : ReadModelDirectoryTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"modelcatalog-gw-{Guid.NewGuid():N}.db");

    protected override Task UseStoreAsync(ModelCatalogBuilder<CatalogModel> catalog)
    {
        catalog.UseEntityFrameworkCore<ModelCatalogDbContext>(o => o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = _path }.ToString()));
        return Task.CompletedTask;
    }

    protected override Task CreateTablesAsync(IServiceProvider services)
        => services.GetEfCoreModelStore<CatalogModel, ModelCatalogDbContext>().EnsureCreatedAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// The same tests on a real PostgreSQL server (a new database per test), each one a row of a theory so the class is
/// skipped with a visible reason when no server is configured (inherited facts cannot be).
/// </summary>
public sealed class PostgresReadModelDirectoryTests
{
    public static TheoryData<string> DirectoryTests()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(ReadModelDirectoryTests).GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<FactAttribute>() is not null)
            {
                data.Add(method.Name);
            }
        }

        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(DirectoryTests))]
    public async Task On_postgres(string test)
    {
        var suite = new Suite();
        await suite.InitializeAsync();
        try
        {
            var result = typeof(ReadModelDirectoryTests).GetMethod(test)!.Invoke(suite, null);
            if (result is Task task)
            {
                await task;
            }
        }
        finally
        {
            await suite.DisposeAsync();
        }
    }

    [Fact]
    public void Every_directory_test_is_run()
        => Assert.True(DirectoryTests().Count >= 7, "the directory tests were not found by reflection");

    private sealed class Suite : ReadModelDirectoryTests
    {
        private string? _connectionString;

        protected override async Task UseStoreAsync(ModelCatalogBuilder<CatalogModel> catalog)
        {
            _connectionString = await PostgresServer.CreateDatabaseAsync("mc10_gateway");
            catalog.UseEntityFrameworkCore<ModelCatalogDbContext>(o => o.UseNpgsql(_connectionString));
        }

        protected override Task CreateTablesAsync(IServiceProvider services)
            => services.GetEfCoreModelStore<CatalogModel, ModelCatalogDbContext>().EnsureCreatedAsync();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (_connectionString is not null)
            {
                await PostgresServer.DropDatabaseAsync(_connectionString);
            }
        }
    }
}
