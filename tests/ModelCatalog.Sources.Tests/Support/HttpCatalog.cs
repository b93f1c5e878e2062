using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Sources.Tests.Support;

/// <summary>Composes <see cref="HttpCatalog{TModel}"/>s.</summary>
public static class HttpCatalog
{
    public static HttpCatalog<TModel> Create<TModel>(
        Uri uri, CatalogMapping<TModel> mapping, Action<HttpCatalogSourceOptions>? configure = null, Action<IServiceCollection>? services = null, ILoggerProvider? logs = null)
        where TModel : class, ICatalogModel<TModel>
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services?.Invoke(collection);
        collection.AddModelCatalog<TModel>().AddHttpSource(
            o =>
            {
                o.Uri = uri;
                o.Name = "test";
                o.MaxRetryAttempts = 2;
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.TotalTimeout = TimeSpan.FromSeconds(20);
                configure?.Invoke(o);
            },
            mapping);
        return new HttpCatalog<TModel>(collection.BuildServiceProvider(validateScopes: true));
    }
}

/// <summary>A catalog composed from DI with one HTTP source (IHttpClientFactory and the resilience pipeline included).</summary>
public sealed class HttpCatalog<TModel> : IAsyncDisposable
    where TModel : class, ICatalogModel<TModel>
{
    internal HttpCatalog(ServiceProvider services)
    {
        Services = services;
        Catalog = services.GetRequiredService<IModelCatalog<TModel>>();
        Source = services.GetServices<IModelSource<TModel>>().Single();
    }

    public ServiceProvider Services { get; }

    public IModelCatalog<TModel> Catalog { get; }

    public IModelSource<TModel> Source { get; }

    public IModelSourceStatus Status => (IModelSourceStatus)Source;

    public ValueTask<SyncReport> SyncAsync(SyncOptions? options = null) => Catalog.SyncAsync(Source, options);

    /// <summary>Every stored row with its version and history length: equal before and after means nothing was written.</summary>
    public async Task<string> FingerprintAsync()
    {
        var lines = new List<string>();
        var query = new ModelQuery { Limit = ModelQuery.MaxLimit };
        while (true)
        {
            var page = await Catalog.ListAsync(query);
            foreach (var stored in page.Items)
            {
                var id = TModel.Merger.GetId(stored.Model);
                lines.Add($"{id} {stored.Version} {(await Catalog.GetHistoryAsync(id)).Count}");
            }

            if (!page.HasMore)
            {
                return string.Join('\n', lines);
            }

            query = query with { After = page.Next };
        }
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
