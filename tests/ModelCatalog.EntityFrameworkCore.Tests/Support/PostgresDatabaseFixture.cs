using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>A unique PostgreSQL database with the catalog tables for one test class, dropped afterwards.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(PostgresServer.SkipReason ?? $"{PostgresServer.Variable} is not set.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        _connectionString = await PostgresServer.CreateDatabaseAsync("mc_test");
        await StoreFactory.Create(StoreFactory.PostgresOptions(_connectionString)).EnsureCreatedAsync();
    }

    /// <summary>Empties both tables (and restarts the history sequence) so each test starts from an empty store.</summary>
    public async Task ResetAsync()
    {
        await using var context = new ModelCatalogDbContext(StoreFactory.PostgresOptions(ConnectionString));
        await context.Database.ExecuteSqlRawAsync("TRUNCATE catalog_models, catalog_model_history RESTART IDENTITY");
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }
}
