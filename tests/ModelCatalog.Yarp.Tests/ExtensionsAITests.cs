using Microsoft.Extensions.AI;
using ModelCatalog.Yarp.Tests.Support;

namespace ModelCatalog.Yarp.Tests;

/// <summary>The sample gateway through Microsoft.Extensions.AI's <see cref="IChatClient"/> over the OpenAI SDK.</summary>
[Collection(GatewayCollection.Name)]
public class ExtensionsAITests(SampleGatewayFixture gateway)
{
    private readonly RecordingHandler _wire = new();

    [Fact]
    public async Task A_chat_response_carries_the_unified_model_id()
    {
        using var chat = Client("openai/gpt-4o");

        var response = await chat.GetResponseAsync("Hello");

        Assert.Equal("openai/gpt-4o", response.ModelId);
        Assert.Equal("Hello from the demo upstream; it received model 'gpt-4o'.", response.Text);
        Forwarding.AssertOnlyTheModelChanged(_wire.Last(), gateway.Upstream.Last(), "openai/gpt-4o", "gpt-4o");
    }

    [Fact]
    public async Task Every_streamed_update_carries_the_unified_model_id()
    {
        using var chat = Client("openrouter/meta-llama/llama-3.1-70b-instruct");
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in chat.GetStreamingResponseAsync("Hello"))
        {
            updates.Add(update);
        }

        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", u.ModelId));
        Assert.Equal("Hello from the demo upstream; it received model 'meta-llama/llama-3.1-70b-instruct'.", string.Concat(updates.Select(u => u.Text)));
    }

    private IChatClient Client(string model) => Clients.OpenAI(gateway.Address, _wire).GetChatClient(model).AsIChatClient();
}
