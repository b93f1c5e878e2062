using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Sync;

namespace ModelCatalog.Extensions.AI.Tests.Support;

/// <summary>
/// A service provider as a host builds it: the in-memory catalog synced with the given models, the router, and a
/// recording client keyed by each of <c>openai</c> and <c>openrouter</c>.
/// </summary>
public sealed class RoutingHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private RoutingHost(ServiceProvider services, RecordingChatClient openAI, RecordingChatClient openRouter, FakeLogCollector logs)
    {
        _services = services;
        OpenAI = openAI;
        OpenRouter = openRouter;
        Logs = logs;
    }

    /// <summary>The <c>openai</c> provider's client; it reports 1,000 input and 200 output tokens per call.</summary>
    public RecordingChatClient OpenAI { get; }

    public RecordingChatClient OpenRouter { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _services;

    public IChatClient Chat => _services.GetRequiredService<IChatClient>();

    public IModelCatalog<CatalogModel> Catalog => _services.GetRequiredService<IModelCatalog<CatalogModel>>();

    public static async Task<RoutingHost> StartAsync(IEnumerable<CatalogModel> models, Action<ChatRoutingOptions>? configure = null, Action<ChatClientBuilder>? pipeline = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        var openAI = new RecordingChatClient("openai", new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 200 });
        var openRouter = new RecordingChatClient("openrouter");
        var logs = new FakeLogCollector();
        collection.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        collection.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        collection.AddMetrics();
        var chat = collection.AddModelCatalog().AddChatClientRouting(configure);
        pipeline?.Invoke(chat);
        collection.AddKeyedChatClient("openai", openAI);
        collection.AddKeyedChatClient("openrouter", openRouter);
        services?.Invoke(collection);
        var host = new RoutingHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), openAI, openRouter, logs);
        await host.Catalog.SyncAsync(new ModelSnapshot<CatalogModel>("test", "v1", DateTimeOffset.UnixEpoch, [.. models]));
        return host;
    }

    public static CatalogModel Model(string id, ModelLifecycle? lifecycle = null, ModelPricing? pricing = null)
        => new() { Id = UnifiedModelId.Parse(id), DisplayName = id, Lifecycle = lifecycle, Pricing = pricing };

    public async Task DeactivateAsync(string id) => await Catalog.EditAsync(UnifiedModelId.Parse(id), m => m.IsActive = false);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
