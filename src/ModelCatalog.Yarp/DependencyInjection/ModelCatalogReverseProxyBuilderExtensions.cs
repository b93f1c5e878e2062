using Microsoft.Extensions.Configuration;
using ModelCatalog.Yarp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the model handling to YARP: <c>services.AddReverseProxy().LoadFromConfig(...).AddModelCatalog(...)</c>.</summary>
public static class ModelCatalogReverseProxyBuilderExtensions
{
    /// <summary>
    /// Registers the model handling's options and the gateway pieces (<c>AddModelCatalogGateway()</c>). A model
    /// directory must be registered too, e.g. <c>AddCatalogGatewayModelDirectory&lt;CatalogModel&gt;()</c>. Then add
    /// the step to the proxy pipeline with <c>UseModelCatalog()</c> or map everything with <c>MapModelCatalogReverseProxy()</c>.
    /// </summary>
    /// <param name="builder">The reverse proxy builder.</param>
    /// <param name="configure">Sets the provider → cluster map and limits, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IReverseProxyBuilder AddModelCatalog(this IReverseProxyBuilder builder, Action<ModelCatalogProxyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddModelCatalogGateway();
        var options = builder.Services.AddOptions<ModelCatalogProxyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Registers the model handling with the provider → cluster map read from <paramref name="providerClusters"/>
    /// (a section whose keys are provider IDs and values cluster IDs, e.g. <c>ModelCatalog:ProviderClusters</c>).
    /// </summary>
    /// <param name="builder">The reverse proxy builder.</param>
    /// <param name="providerClusters">The configuration section of the map.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IReverseProxyBuilder AddModelCatalog(this IReverseProxyBuilder builder, IConfiguration providerClusters)
    {
        ArgumentNullException.ThrowIfNull(providerClusters);
        return builder.AddModelCatalog(options =>
        {
            foreach (var entry in providerClusters.GetChildren())
            {
                if (!string.IsNullOrEmpty(entry.Value))
                {
                    options.ProviderClusters[entry.Key] = entry.Value;
                }
            }
        });
    }
}
