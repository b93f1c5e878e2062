using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog;

/// <summary>
/// Returned by <c>AddModelCatalog()</c>: chooses the store, adds sources and sets initial values of new models.
/// Store packages add their own extension methods (for example <c>UseEntityFrameworkCore&lt;TContext&gt;()</c>).
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class ModelCatalogBuilder<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    internal ModelCatalogBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for store packages' extension methods.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses a store type instead of the in-memory default (replacing any store registered before).</summary>
    /// <typeparam name="TStore">The store type, resolved from DI as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IModelStore<TModel>
    {
        Services.Replace(ServiceDescriptor.Singleton<IModelStore<TModel>, TStore>());
        return this;
    }

    /// <summary>Uses a store built by a factory instead of the in-memory default.</summary>
    /// <param name="factory">Builds the store.</param>
    /// <param name="lifetime">The store's lifetime; singleton by default.</param>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> UseStore(Func<IServiceProvider, IModelStore<TModel>> factory, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Describe(typeof(IModelStore<TModel>), factory, lifetime));
        return this;
    }

    /// <summary>Adds an official source (synced by <c>SyncAllAsync</c>, at start-up and periodically when configured).</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> AddSource(IModelSource<TModel> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Not TryAddEnumerable: two instances of one source class (two files, say) are two sources.
        // Duplicate names are refused when the catalog is built.
        Services.AddSingleton(source);
        return this;
    }

    /// <summary>Adds an official source built from the services (an HTTP source that needs <c>IHttpClientFactory</c>, say).</summary>
    /// <param name="factory">Builds the source once (a singleton).</param>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> AddSource(Func<IServiceProvider, IModelSource<TModel>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Adds an official source type, resolved from DI.</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> AddSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>()
        where TSource : class, IModelSource<TModel>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelSource<TModel>, TSource>());
        return this;
    }

    /// <summary>Sets initial local values on every model a sync creates, for example <c>m =&gt; m.IsVisible = false</c>.</summary>
    /// <param name="initialize">The initializer.</param>
    /// <returns>This builder.</returns>
    public ModelCatalogBuilder<TModel> InitializeNewModels(Action<TModel> initialize)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        Services.Replace(ServiceDescriptor.Singleton(new NewModelInitializer<TModel>(initialize)));
        return this;
    }
}
