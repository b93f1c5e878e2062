using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using Npgsql;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>
/// A scratch catalog database: a SQLite file in the temp folder, or a database of its own on the PostgreSQL server
/// named by MODELCATALOG_POSTGRES (the PostgreSQL cases exist only when that variable is set).
/// </summary>
public sealed class BenchmarkDatabase
{
    public const string Sqlite = "SQLite";
    public const string Postgres = "PostgreSQL";

    private BenchmarkDatabase(DbContextOptions<ModelCatalogDbContext> options)
    {
        Options = options;
        Store = new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(new PooledDbContextFactory<ModelCatalogDbContext>(options));
    }

    public DbContextOptions<ModelCatalogDbContext> Options { get; }

    public EfCoreModelStore<CatalogModel, ModelCatalogDbContext> Store { get; }

    /// <summary>SQLite always; PostgreSQL when MODELCATALOG_POSTGRES is set.</summary>
    public static IEnumerable<string> Providers()
    {
        yield return Sqlite;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MODELCATALOG_POSTGRES")))
        {
            yield return Postgres;
        }
    }

    public static BenchmarkDatabase Create(string provider)
    {
        var builder = new DbContextOptionsBuilder<ModelCatalogDbContext>();
        if (provider == Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MODELCATALOG_POSTGRES"))
            {
                Database = $"mc_bench_{Guid.NewGuid():N}",
            };
            builder.UseNpgsql(connection.ConnectionString);
        }
        else
        {
            builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), $"modelcatalog-bench-{Guid.NewGuid():N}.db") }.ToString());
        }

        return new BenchmarkDatabase(builder.Options);
    }

    /// <summary>Drops the database and creates it again, empty, with the catalog tables.</summary>
    public async Task RecreateAsync()
    {
        await DropAsync();
        await Store.EnsureCreatedAsync();
    }

    public async Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await using var context = new ModelCatalogDbContext(Options);
        await context.Database.EnsureDeletedAsync();
    }
}
