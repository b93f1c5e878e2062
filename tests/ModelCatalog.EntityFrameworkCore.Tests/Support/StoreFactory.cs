using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ModelCatalog.EntityFrameworkCore.Storage;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>Builds EF Core stores over a SQLite file or a PostgreSQL database, optionally with interceptors.</summary>
public static class StoreFactory
{
    public static string NewSqlitePath() => Path.Combine(Path.GetTempPath(), $"modelcatalog-{Guid.NewGuid():N}.db");

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    public static DbContextOptions<ModelCatalogDbContext> SqliteOptions(string path, params IInterceptor[] interceptors)
        => new DbContextOptionsBuilder<ModelCatalogDbContext>().UseSqlite(SqliteConnectionString(path)).AddInterceptors(interceptors).Options;

    public static DbContextOptions<ModelCatalogDbContext> PostgresOptions(string connectionString, params IInterceptor[] interceptors)
        => new DbContextOptionsBuilder<ModelCatalogDbContext>().UseNpgsql(connectionString, o => o.MaxBatchSize(100)).AddInterceptors(interceptors).Options;

    public static EfCoreModelStore<CatalogModel, ModelCatalogDbContext> Create(DbContextOptions<ModelCatalogDbContext> options)
        => new(new PooledDbContextFactory<ModelCatalogDbContext>(options));

    public static void DeleteSqlite(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
