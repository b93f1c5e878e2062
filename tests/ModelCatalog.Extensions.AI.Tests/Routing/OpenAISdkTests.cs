using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Extensions.AI.Tests.Support;
using OpenAI;
using static ModelCatalog.Extensions.AI.Tests.Support.RoutingHost;

namespace ModelCatalog.Extensions.AI.Tests.Routing;

/// <summary>The router in front of the real OpenAI SDK's <see cref="IChatClient"/>, talking HTTP to a fake upstream on loopback.</summary>
public sealed class OpenAISdkTests : IAsyncLifetime
{
    private FakeOpenAIUpstream _upstream = null!;
    private RoutingHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOpenAIUpstream.StartAsync();
        var sdk = new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = _upstream.Endpoint })
            .GetChatClient("not-the-model-sent").AsIChatClient();
        _host = await StartAsync(
            [Model("sdk/gpt-4o"), Model("sdk/meta-llama/llama-3.1-70b-instruct")],
            services: s => s.AddKeyedChatClient("sdk", sdk));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task The_upstream_receives_the_upstream_name_and_the_caller_sees_the_unified_id()
    {
        var response = await _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "sdk/meta-llama/llama-3.1-70b-instruct" });

        Assert.Equal("meta-llama/llama-3.1-70b-instruct", Assert.Single(_upstream.ReceivedModels));
        Assert.Equal("sdk/meta-llama/llama-3.1-70b-instruct", response.ModelId);
        Assert.Equal("upstream got meta-llama/llama-3.1-70b-instruct", response.Text);
        Assert.Equal(5, response.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task A_streamed_call_through_the_sdk_carries_the_unified_id_on_every_update()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _host.Chat.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "sdk/gpt-4o" }))
        {
            updates.Add(update);
        }

        Assert.Equal("gpt-4o", Assert.Single(_upstream.ReceivedModels));
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("sdk/gpt-4o", u.ModelId));
        Assert.Equal("upstream got gpt-4o", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task An_unknown_model_never_reaches_the_upstream()
    {
        await Assert.ThrowsAsync<ModelRoutingException>(() => _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "sdk/nope" }));

        Assert.Empty(_upstream.ReceivedModels);
    }
}
