using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore;

/// <summary>The ready context for the built-in <see cref="CatalogModel"/>.</summary>
public class ModelCatalogDbContext : ModelCatalogDbContext<CatalogModel>
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options (provider and connection).</param>
    public ModelCatalogDbContext(DbContextOptions<ModelCatalogDbContext> options)
        : base(options)
    {
    }
}
