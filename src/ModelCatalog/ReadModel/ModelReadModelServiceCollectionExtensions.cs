using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelCatalog;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the catalog's in-memory read model: <c>services.AddModelCatalogReadModel&lt;TModel&gt;()</c>.</summary>
public static class ModelReadModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the read model of the catalog of <typeparamref name="TModel"/>: <see cref="IModelReadModel{TModel}"/>, told of
    /// every change the catalog makes, loaded by a hosted service before the host reports started and kept current
    /// across processes. Nothing is registered until a host (or a package such as the gateway's) asks for it, so hosts
    /// without hot readers pay nothing. A second call only adds its <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures polling and health thresholds, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddModelCatalogReadModel<TModel>(this IServiceCollection services, Action<ModelReadModelOptions>? configure = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(ModelReadModel<TModel>)))
        {
            return services;
        }

        services.AddOptions<ModelReadModelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelReadModelOptions>, ModelReadModelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModelStore<TModel>, InMemoryModelStore<TModel>>();
        services.AddSingleton(static sp => new ModelReadModel<TModel>(
            sp.GetRequiredService<IModelStore<TModel>>(),
            sp.GetRequiredService<IOptions<ModelReadModelOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ModelReadModel<TModel>>>()));
        services.AddSingleton<IModelReadModel<TModel>>(static sp => sp.GetRequiredService<ModelReadModel<TModel>>());
        services.AddSingleton<IModelCatalogObserver<TModel>>(static sp => sp.GetRequiredService<ModelReadModel<TModel>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelReadModelService<TModel>>());
        return services;
    }

    /// <summary>Adds the catalog's read model (see <see cref="AddModelCatalogReadModel{TModel}(IServiceCollection, Action{ModelReadModelOptions}?)"/>).</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Configures polling and health thresholds, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ModelCatalogBuilder<TModel> AddReadModel<TModel>(this ModelCatalogBuilder<TModel> builder, Action<ModelReadModelOptions>? configure = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddModelCatalogReadModel<TModel>(configure);
        return builder;
    }

    /// <summary>Adds the <see cref="ModelReadModelHealthCheck{TModel}"/> (snapshot age and last refresh error).</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <c>modelcatalog-read-model</c> by default.</param>
    /// <param name="tags">Tags for filtering checks.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddModelCatalogReadModelCheck<TModel>(this IHealthChecksBuilder builder, string name = "modelcatalog-read-model", IEnumerable<string>? tags = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddModelCatalogReadModel<TModel>();
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new ModelReadModelHealthCheck<TModel>(
                sp.GetRequiredService<IModelReadModel<TModel>>(), sp.GetRequiredService<IOptions<ModelReadModelOptions>>(), sp.GetRequiredService<TimeProvider>()),
            failureStatus: null,
            tags));
    }
}
