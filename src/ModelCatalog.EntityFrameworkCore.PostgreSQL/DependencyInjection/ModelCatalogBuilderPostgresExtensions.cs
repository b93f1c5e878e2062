using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ModelCatalog;
using ModelCatalog.EntityFrameworkCore.PostgreSQL;
using ModelCatalog.ReadModel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>PostgreSQL change notifications for the catalog's read model: <c>.ListenForPostgresChanges&lt;TModel, TContext&gt;()</c>.</summary>
public static class ModelCatalogBuilderPostgresExtensions
{
    /// <summary>
    /// Adds the read model (if not added yet) and a <see cref="PostgresChangeNotifier{TModel}"/> on the database of
    /// <typeparamref name="TContext"/> (the connection string of a context from its registered factory), so this
    /// replica sees other replicas' changes as they commit. Polling stays on as the safety net.
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <typeparam name="TContext">The catalog's context, registered with <c>AddDbContextFactory</c> (or <c>UseEntityFrameworkCore</c> with options).</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="reconnectDelay">How long to wait before reconnecting a dropped listener; 1 second when <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ModelCatalogBuilder<TModel> ListenForPostgresChanges<TModel, TContext>(this ModelCatalogBuilder<TModel> builder, TimeSpan? reconnectDelay = null)
        where TModel : class, ICatalogModel<TModel>
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddNotifier(sp =>
        {
            using var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            return context.Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string to listen on; pass one to ListenForPostgresChanges.");
        }, reconnectDelay);
    }

    /// <summary>Adds the read model (if not added yet) and a <see cref="PostgresChangeNotifier{TModel}"/> on <paramref name="connectionString"/>.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="connectionString">The catalog database's connection string.</param>
    /// <param name="reconnectDelay">How long to wait before reconnecting a dropped listener; 1 second when <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ModelCatalogBuilder<TModel> ListenForPostgresChanges<TModel>(this ModelCatalogBuilder<TModel> builder, string connectionString, TimeSpan? reconnectDelay = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.AddNotifier(_ => connectionString, reconnectDelay);
    }

    private static ModelCatalogBuilder<TModel> AddNotifier<TModel>(this ModelCatalogBuilder<TModel> builder, Func<IServiceProvider, string> connectionString, TimeSpan? reconnectDelay)
        where TModel : class, ICatalogModel<TModel>
    {
        builder.AddReadModel();
        builder.Services.TryAddSingleton(sp => new PostgresChangeNotifier<TModel>(
            connectionString(sp), reconnectDelay, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<PostgresChangeNotifier<TModel>>>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelChangeNotifier<TModel>, PostgresChangeNotifier<TModel>>(
            static sp => sp.GetRequiredService<PostgresChangeNotifier<TModel>>()));
        return builder;
    }
}
