using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelCatalog;
using ModelCatalog.Extensions.AI;
using ModelCatalog.ReadModel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the catalog's chat router: <c>services.AddModelCatalog().AddChatClientRouting(...)</c>.</summary>
public static class ModelCatalogChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="CatalogChatRouter{TModel}"/> as the application's <see cref="IChatClient"/>: each call is
    /// routed by its unified model ID to the <see cref="IChatClient"/> registered with
    /// <c>AddKeyedChatClient(providerId, ...)</c> for the model's provider. Adds the catalog's read model when it is not
    /// registered yet. Options are validated at start-up.
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Sets the default model, the case-insensitive fallback and successor routing; or <see langword="null"/>.</param>
    /// <returns>The <see cref="ChatClientBuilder"/> of the router, for middleware around it (<c>.UseModelCatalogCost()</c>, logging, caching).</returns>
    /// <remarks>
    /// The router is a singleton and resolves provider clients from the root service provider on every call (keyed
    /// lookups of singletons, no allocation), so register provider clients as singletons (the
    /// <c>AddKeyedChatClient</c> default).
    /// </remarks>
    public static ChatClientBuilder AddChatClientRouting<TModel>(this ModelCatalogBuilder<TModel> builder, Action<ChatRoutingOptions>? configure = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddReadModel();
        var options = services.AddOptions<ChatRoutingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatRoutingOptions>, ChatRoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new CatalogChatRouter<TModel>(
            sp.GetRequiredService<IModelReadModel<TModel>>(),
            providerId => sp.GetKeyedService<IChatClient>(providerId),
            sp.GetRequiredService<IOptions<ChatRoutingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CatalogChatRouter<TModel>>>()));
        return services.AddChatClient(static sp => sp.GetRequiredService<CatalogChatRouter<TModel>>());
    }
}
