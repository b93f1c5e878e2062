using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Benchmarks.EntityFrameworkCore;
using ModelCatalog.Extensions.AI;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace ModelCatalog.Benchmarks.ExtensionsAI;

/// <summary>
/// The router's overhead per call: one chat call through <see cref="CatalogChatRouter{TModel}"/> (parse the unified ID,
/// resolve it in the read model's snapshot of the 2,647 LiteLLM models, pick the provider client, clone the options
/// with the upstream name, put the unified ID on the response) beside calling the same provider client directly with
/// the upstream name (the baseline). The provider answers with a completed task, so only the routing is measured.
/// </summary>
[MemoryDiagnoser]
public class ChatRoutingBenchmarks
{
    private readonly ChatMessage[] _messages = [new(ChatRole.User, "hi")];
    private readonly ChatOptions _direct = new() { ModelId = "gpt-4o" };
    private readonly ChatOptions _routed = new() { ModelId = "openai/gpt-4o" };
    private CompletedChatClient _provider = null!;
    private CatalogChatRouter<CatalogModel> _router = null!;
    private IChatClient _fromServices = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new InMemoryModelStore<CatalogModel>();
        new DefaultModelCatalog<CatalogModel>(store).SyncAsync(SnapshotFile.ReadAsync().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();
        var readModel = new ModelReadModel<CatalogModel>(store);
        var snapshot = readModel.GetSnapshotAsync().AsTask().GetAwaiter().GetResult();
        if (snapshot.Count < 2_600 || !snapshot.TryGet(UnifiedModelId.Parse("openai/gpt-4o"), out _))
        {
            throw new InvalidOperationException($"Expected the 2,647 models of the snapshot with openai/gpt-4o, found {snapshot.Count}.");
        }

        _provider = new CompletedChatClient();
        _router = new CatalogChatRouter<CatalogModel>(readModel, id => id == "openai" ? _provider : null);
        if (_router.GetResponseAsync(_messages, _routed).Result.ModelId != "openai/gpt-4o" || _provider.LastModelId != "gpt-4o")
        {
            throw new InvalidOperationException("The router did not route openai/gpt-4o to gpt-4o.");
        }

        // As a host registers it: the router from AddChatClientRouting, the provider from AddKeyedChatClient.
        var services = new ServiceCollection();
        services.AddModelCatalog().UseStore(_ => store).AddChatClientRouting();
        services.AddKeyedChatClient("openai", _provider);
        _fromServices = services.BuildServiceProvider().GetRequiredService<IChatClient>();
        if (_fromServices.GetResponseAsync(_messages, _routed).Result.ModelId != "openai/gpt-4o")
        {
            throw new InvalidOperationException("The registered router did not route openai/gpt-4o.");
        }
    }

    [Benchmark(Baseline = true)]
    public ChatResponse ProviderDirectly() => _provider.GetResponseAsync(_messages, _direct).Result;

    [Benchmark]
    public ChatResponse ThroughTheRouter() => _router.GetResponseAsync(_messages, _routed).Result;

    [Benchmark]
    public ChatResponse ThroughTheRegisteredRouter() => _fromServices.GetResponseAsync(_messages, _routed).Result;

    /// <summary>A provider that answers at once with one cached response (the same for both benchmarks).</summary>
    private sealed class CompletedChatClient : IChatClient
    {
        private readonly Task<ChatResponse> _response = Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));

        public string? LastModelId { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastModelId = options?.ModelId;
            return _response;
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
