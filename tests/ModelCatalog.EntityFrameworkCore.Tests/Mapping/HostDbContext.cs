using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore.Tests.Mapping;

/// <summary>A host's own context: its own entity plus the catalog tables, in a schema-less SQLite file.</summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyModelCatalog<CatalogModel>(o =>
        {
            o.UseProviderDefaults(Database.ProviderName);
            o.ModelsTable = "ai_models";
            o.HistoryTable = "ai_model_history";
        });
}
