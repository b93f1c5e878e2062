using Microsoft.EntityFrameworkCore.Design;
using ModelCatalog.EntityFrameworkCore;

namespace ModelCatalog.Cli.Store;

/// <summary>
/// How <c>dotnet ef dbcontext optimize</c> builds the tool's context: over SQLite, from the mapping itself (no compiled
/// model), so the generated model is the runtime model of the tool's default store.
/// </summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<ModelCatalogDbContext>
{
    public ModelCatalogDbContext CreateDbContext(string[] args)
        => new(CatalogStoreFactory.SqliteOptions("Data Source=:memory:", compiledModel: false));
}
