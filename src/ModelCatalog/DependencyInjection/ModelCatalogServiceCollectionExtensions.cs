using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelCatalog;
using ModelCatalog.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a model catalog: <c>services.AddModelCatalog(o =&gt; ...)</c>.</summary>
public static class ModelCatalogServiceCollectionExtensions
{
    /// <summary>Adds a catalog of the built-in <see cref="CatalogModel"/> with an in-memory store.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<CatalogModel> AddModelCatalog(this IServiceCollection services)
        => services.AddModelCatalog<CatalogModel>();

    /// <summary>Adds a catalog of the built-in <see cref="CatalogModel"/> with an in-memory store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<CatalogModel> AddModelCatalog(this IServiceCollection services, Action<ModelCatalogOptions> configure)
        => services.AddModelCatalog<CatalogModel>(configure);

    /// <summary>Adds a catalog of the built-in <see cref="CatalogModel"/>, binding options from a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, for example <c>configuration.GetSection("ModelCatalog")</c>.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<CatalogModel> AddModelCatalog(this IServiceCollection services, IConfiguration configuration)
        => services.AddModelCatalog<CatalogModel>(configuration);

    /// <summary>Adds a catalog of a host's own model type with an in-memory store. A second call is harmless.</summary>
    /// <typeparam name="TModel">The catalog model type (a <see cref="SyncModelAttribute"/> type).</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<TModel> AddModelCatalog<TModel>(this IServiceCollection services)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IModelCatalog<TModel>)))
        {
            // A second call only returns a builder: everything below is registered already.
            return new ModelCatalogBuilder<TModel>(services);
        }

        services.AddOptions<ModelCatalogOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelCatalogOptions>, ModelCatalogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModelStore<TModel>, InMemoryModelStore<TModel>>();
        services.TryAddSingleton<IModelCatalog<TModel>>(sp => new DefaultModelCatalog<TModel>(
            sp.GetRequiredService<IModelStore<TModel>>(),
            sp.GetServices<ModelCatalog.Sync.IModelSource<TModel>>(),
            sp.GetRequiredService<IOptions<ModelCatalogOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<NewModelInitializer<TModel>>() is { } initializer ? initializer.Initialize : null,
            sp.GetServices<ModelCatalog.ReadModel.IModelCatalogObserver<TModel>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelCatalogSyncService<TModel>>());
        return new ModelCatalogBuilder<TModel>(services);
    }

    /// <summary>Adds a catalog of a host's own model type with an in-memory store.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<TModel> AddModelCatalog<TModel>(this IServiceCollection services, Action<ModelCatalogOptions> configure)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddModelCatalog<TModel>();
        services.Configure(configure);
        return builder;
    }

    /// <summary>Adds a catalog of a host's own model type, binding options from a configuration section.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>A builder to choose the store and add sources.</returns>
    public static ModelCatalogBuilder<TModel> AddModelCatalog<TModel>(this IServiceCollection services, IConfiguration configuration)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddModelCatalog<TModel>();
        services.Configure<ModelCatalogOptions>(configuration);
        return builder;
    }
}
