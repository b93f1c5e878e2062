using Microsoft.EntityFrameworkCore.Infrastructure;
using ModelCatalog.Cli.Store;
using ModelCatalog.Cli.Store.Direct;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Tests.Support;

/// <summary>The two readers of one SQLite file the direct-read tests compare.</summary>
internal static class ReadStores
{
    /// <summary>The oracle: the EF Core store on the mapping's runtime model (not the compiled one the tool writes with).</summary>
    public static IModelStore<CatalogModel> EfCore(string connectionString)
        => new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(
            new PooledDbContextFactory<ModelCatalogDbContext>(CatalogStoreFactory.SqliteOptions(connectionString, compiledModel: false)));

    /// <summary>The tool's store, with a writer that fails: every read must stay off EF Core.</summary>
    public static IModelStore<CatalogModel> Direct(string connectionString)
        => new DirectReadStore(new SqliteCatalogReader(connectionString), () => throw new InvalidOperationException("a read started the EF Core writer"));
}
