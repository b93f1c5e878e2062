using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore;

/// <summary>
/// A ready <see cref="DbContext"/> holding only the catalog tables, for hosts without a context of their own. Hosts
/// with one call <c>modelBuilder.ApplyModelCatalog&lt;TModel&gt;()</c> in it instead.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public class ModelCatalogDbContext<TModel> : DbContext
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options (provider and connection).</param>
    public ModelCatalogDbContext(DbContextOptions<ModelCatalogDbContext<TModel>> options)
        : base(options)
    {
    }

    /// <summary>Creates the context from a derived context's options.</summary>
    /// <param name="options">The options (provider and connection).</param>
    protected ModelCatalogDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyModelCatalog<TModel>(o => o.UseProviderDefaults(Database.ProviderName));
    }
}
