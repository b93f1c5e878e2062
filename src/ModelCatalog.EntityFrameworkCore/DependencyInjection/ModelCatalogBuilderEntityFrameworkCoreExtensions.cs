using Microsoft.EntityFrameworkCore;
using ModelCatalog;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the EF Core store: <c>services.AddModelCatalog().UseEntityFrameworkCore&lt;AppDbContext&gt;()</c>.</summary>
public static class ModelCatalogBuilderEntityFrameworkCoreExtensions
{
    /// <summary>
    /// Stores the catalog through a host's own context, which must call <c>modelBuilder.ApplyModelCatalog&lt;TModel&gt;()</c>
    /// and be registered with <c>AddDbContextFactory&lt;TContext&gt;(...)</c> (the store is a singleton that creates a
    /// context per operation).
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<TModel> UseEntityFrameworkCore<TModel, TContext>(this ModelCatalogBuilder<TModel> builder)
        where TModel : class, ICatalogModel<TModel>
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore<EfCoreModelStore<TModel, TContext>>();
    }

    /// <summary>
    /// Stores the catalog through a context type and registers its factory with <paramref name="configure"/>
    /// (for example <c>o =&gt; o.UseSqlite("Data Source=catalog.db")</c>).
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <typeparam name="TContext">The context; it must call <c>modelBuilder.ApplyModelCatalog&lt;TModel&gt;()</c>.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Chooses the provider and connection.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<TModel> UseEntityFrameworkCore<TModel, TContext>(this ModelCatalogBuilder<TModel> builder, Action<DbContextOptionsBuilder> configure)
        where TModel : class, ICatalogModel<TModel>
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddDbContextFactory<TContext>(configure);
        return builder.UseEntityFrameworkCore<TModel, TContext>();
    }

    /// <summary>
    /// Stores a catalog of <see cref="CatalogModel"/> through a host's own context (registered with
    /// <c>AddDbContextFactory</c>, calling <c>modelBuilder.ApplyModelCatalog&lt;CatalogModel&gt;()</c>).
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<CatalogModel> UseEntityFrameworkCore<TContext>(this ModelCatalogBuilder<CatalogModel> builder)
        where TContext : DbContext
        => builder.UseEntityFrameworkCore<CatalogModel, TContext>();

    /// <summary>Stores a catalog of <see cref="CatalogModel"/> through a context type, registering its factory.</summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Chooses the provider and connection.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<CatalogModel> UseEntityFrameworkCore<TContext>(this ModelCatalogBuilder<CatalogModel> builder, Action<DbContextOptionsBuilder> configure)
        where TContext : DbContext
        => builder.UseEntityFrameworkCore<CatalogModel, TContext>(configure);

    /// <summary>
    /// Stores the catalog in the ready <see cref="ModelCatalogDbContext{TModel}"/> (only the catalog tables), for hosts
    /// without a context of their own; create the tables with <see cref="EfCoreModelStore{TModel, TContext}.EnsureCreatedAsync"/>
    /// or with migrations.
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Chooses the provider and connection, for example <c>o =&gt; o.UseSqlite("Data Source=catalog.db")</c>.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<TModel> UseEntityFrameworkCore<TModel>(this ModelCatalogBuilder<TModel> builder, Action<DbContextOptionsBuilder> configure)
        where TModel : class, ICatalogModel<TModel>
        => builder.UseEntityFrameworkCore<TModel, ModelCatalogDbContext<TModel>>(configure);

    /// <summary>The store, typed, for start-up code that calls <see cref="EfCoreModelStore{TModel, TContext}.EnsureCreatedAsync"/>.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="services">The service provider.</param>
    /// <returns>The EF Core store.</returns>
    /// <exception cref="InvalidOperationException">The registered store is not this EF Core store.</exception>
    public static EfCoreModelStore<TModel, TContext> GetEfCoreModelStore<TModel, TContext>(this IServiceProvider services)
        where TModel : class, ICatalogModel<TModel>
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IModelStore<TModel>>() as EfCoreModelStore<TModel, TContext>
            ?? throw new InvalidOperationException($"The registered IModelStore<{typeof(TModel).Name}> is not EfCoreModelStore<{typeof(TModel).Name}, {typeof(TContext).Name}>.");
    }
}
