using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelCatalog;
using ModelCatalog.Extensions.AI;
using ModelCatalog.ReadModel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the catalog's cost middleware to a chat pipeline: <c>builder.UseModelCatalogCost()</c>.</summary>
public static class ModelCatalogChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="CatalogCostChatClient{TModel}"/> over the built-in <see cref="CatalogModel"/>: every response is
    /// priced from the catalog, the cost attached and token and cost metrics recorded. Needs the catalog's read model
    /// (<c>AddChatClientRouting</c> adds it).
    /// </summary>
    /// <param name="builder">The chat pipeline.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseModelCatalogCost(this ChatClientBuilder builder) => builder.UseModelCatalogCost<CatalogModel>();

    /// <summary>Adds a <see cref="CatalogCostChatClient{TModel}"/> over a catalog of <typeparamref name="TModel"/>.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="builder">The chat pipeline.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseModelCatalogCost<TModel>(this ChatClientBuilder builder)
        where TModel : CatalogModel, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(static (inner, services) => new CatalogCostChatClient<TModel>(
            inner,
            services.GetRequiredService<IModelReadModel<TModel>>(),
            services.GetService<IMeterFactory>(),
            services.GetService<ILogger<CatalogCostChatClient<TModel>>>()));
    }
}
