using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelCatalog.Gateway;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway pieces: a model directory, the <see cref="ModelResolver"/> and the <see cref="GatewayRequestRewriter"/>.</summary>
public static class ModelCatalogGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ModelResolver"/> and <see cref="GatewayRequestRewriter"/> as singletons over the registered
    /// <see cref="IGatewayModelDirectory"/>. Calling it again is harmless; options configured by each call add up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures resolution (e.g. the case-insensitive fallback), or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddModelCatalogGateway(this IServiceCollection services, Action<ModelResolverOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ModelResolverOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<ModelRewriteOptions>();
        services.TryAddSingleton(static sp => new ModelResolver(
            sp.GetRequiredService<IGatewayModelDirectory>(),
            sp.GetRequiredService<IOptions<ModelResolverOptions>>().Value));
        services.TryAddSingleton(static sp => new GatewayRequestRewriter(
            sp.GetRequiredService<ModelResolver>(),
            sp.GetRequiredService<IOptions<ModelRewriteOptions>>().Value));
        return services;
    }

    /// <summary>Registers <typeparamref name="TDirectory"/> as the singleton <see cref="IGatewayModelDirectory"/> unless one is registered.</summary>
    /// <typeparam name="TDirectory">The host's adapter over its catalog.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGatewayModelDirectory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TDirectory>(this IServiceCollection services)
        where TDirectory : class, IGatewayModelDirectory
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IGatewayModelDirectory, TDirectory>();
        return services;
    }

    /// <summary>Registers an <see cref="InMemoryGatewayModelDirectory"/> over <paramref name="models"/> unless a directory is registered.</summary>
    /// <param name="services">The services.</param>
    /// <param name="models">The models.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddInMemoryGatewayModelDirectory(this IServiceCollection services, IEnumerable<GatewayModel> models)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(models);
        services.TryAddSingleton<IGatewayModelDirectory>(new InMemoryGatewayModelDirectory(models));
        return services;
    }

    /// <summary>
    /// Serves the gateway from the model catalog registered by <c>AddModelCatalog&lt;TModel&gt;()</c>, through the
    /// catalog's in-memory read model (<c>AddModelCatalogReadModel&lt;TModel&gt;()</c>, added here): resolution and
    /// <c>/v1/models</c> read an immutable snapshot instead of querying the store per request, and the snapshot follows
    /// every change the catalog makes (at once in this process; within the poll interval, or a PostgreSQL notification,
    /// from other processes).
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCatalogGatewayModelDirectory<TModel>(this IServiceCollection services)
        where TModel : class, ModelCatalog.ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddModelCatalogReadModel<TModel>();
        services.TryAddSingleton<IGatewayModelDirectory>(static sp =>
            new ReadModelGatewayModelDirectory<TModel>(sp.GetRequiredService<ModelCatalog.ReadModel.IModelReadModel<TModel>>()));
        return services;
    }
}
