using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Tests.DependencyInjection;

/// <summary>A host whose database lacks the catalog's tables fails at start, naming both fixes, instead of retrying.</summary>
public sealed class MissingTablesTests : IDisposable
{
    private readonly string _path = StoreFactory.NewSqlitePath();

    public void Dispose() => StoreFactory.DeleteSqlite(_path);

    private static IHost Host(Action<DbContextOptionsBuilder> database)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddModelCatalog().UseEntityFrameworkCore<ModelCatalogDbContext>(database);
        return builder.Build();
    }

    private static void AssertNamesBothFixes(ModelStoreSchemaException exception)
    {
        Assert.Contains("EnsureCreatedAsync()", exception.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet ef database update", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_over_a_SQLite_file_without_the_tables_fails_at_start_naming_both_fixes()
    {
        using var host = Host(o => o.UseSqlite(StoreFactory.SqliteConnectionString(_path)));

        var exception = await Assert.ThrowsAsync<ModelStoreSchemaException>(() => host.StartAsync());

        AssertNamesBothFixes(exception);
        Assert.Contains("no such table", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_made_by_an_older_version_without_a_column_fails_at_start()
    {
        await StoreFactory.Create(StoreFactory.SqliteOptions(_path)).EnsureCreatedAsync();
        await using (var connection = new SqliteConnection(StoreFactory.SqliteConnectionString(_path)))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP INDEX ix_catalog_models_price_review; ALTER TABLE catalog_models DROP COLUMN price_review_status;";
            await drop.ExecuteNonQueryAsync();
        }

        using var host = Host(o => o.UseSqlite(StoreFactory.SqliteConnectionString(_path)));

        var exception = await Assert.ThrowsAsync<ModelStoreSchemaException>(() => host.StartAsync());

        AssertNamesBothFixes(exception);
        Assert.Contains("no such column", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_whose_tables_exist_starts()
    {
        await StoreFactory.Create(StoreFactory.SqliteOptions(_path)).EnsureCreatedAsync();
        using var host = Host(o => o.UseSqlite(StoreFactory.SqliteConnectionString(_path)));

        await host.StartAsync();
        await host.StopAsync();
    }

    [PostgresFact]
    public async Task A_host_over_a_PostgreSQL_database_without_the_tables_fails_at_start_naming_both_fixes()
    {
        string connectionString = await PostgresServer.CreateDatabaseAsync("mc15_missing_tables");
        try
        {
            using var host = Host(o => o.UseNpgsql(connectionString));

            var exception = await Assert.ThrowsAsync<ModelStoreSchemaException>(() => host.StartAsync());

            AssertNamesBothFixes(exception);
            Assert.Contains("42P01", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
