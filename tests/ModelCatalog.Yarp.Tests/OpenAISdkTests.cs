using System.ClientModel;
using System.Text;
using ModelCatalog.Yarp.Tests.Support;
using OpenAI.Chat;
using OpenAI.Responses;

#pragma warning disable OPENAI001 // the Responses client is marked experimental in the SDK

namespace ModelCatalog.Yarp.Tests;

/// <summary>The sample gateway driven by the official OpenAI 2.15 SDK: chat, streaming, the Responses API, models and errors.</summary>
[Collection(GatewayCollection.Name)]
public class OpenAISdkTests(SampleGatewayFixture gateway)
{
    private readonly RecordingHandler _wire = new();

    [Theory]
    [InlineData("openai/gpt-4o", "gpt-4o", "/demo/openai/v1/chat/completions")]
    [InlineData("openrouter/meta-llama/llama-3.1-70b-instruct", "meta-llama/llama-3.1-70b-instruct", "/demo/openrouter/v1/chat/completions")]
    public async Task A_chat_completion_reaches_the_providers_cluster_with_its_name_and_comes_back_with_the_unified_id(string model, string upstreamName, string path)
    {
        ChatCompletion completion = await Client().GetChatClient(model).CompleteChatAsync([new UserChatMessage("Hello, é 日本 😀")]);

        Assert.Equal(model, completion.Model);
        Assert.Equal($"Hello from the demo upstream; it received model '{upstreamName}'.", completion.Content[0].Text);
        var upstream = gateway.Upstream.Last();
        Assert.Equal(path, upstream.Path);
        Forwarding.AssertOnlyTheModelChanged(_wire.Last(), upstream, model, upstreamName);
    }

    [Fact]
    public async Task A_streamed_chat_completion_names_the_unified_id_in_every_chunk()
    {
        var models = new List<string>();
        var text = new StringBuilder();
        await foreach (var update in Client().GetChatClient("openai/gpt-4o").CompleteChatStreamingAsync([new UserChatMessage("Hello")]))
        {
            models.Add(update.Model);
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Equal(["openai/gpt-4o", "openai/gpt-4o"], models);
        Assert.Equal("Hello from the demo upstream; it received model 'gpt-4o'.", text.ToString());
        Forwarding.AssertOnlyTheModelChanged(_wire.Last(), gateway.Upstream.Last(), "openai/gpt-4o", "gpt-4o");
    }

    [Fact]
    public async Task A_Responses_API_response_comes_back_with_the_unified_id()
    {
        ResponseResult response = await Client().GetResponsesClient().CreateResponseAsync("openai/gpt-4o", "Hello");

        Assert.Equal("openai/gpt-4o", response.Model);
        Assert.Equal("Hello from the demo upstream; it received model 'gpt-4o'.", response.GetOutputText());
        Assert.Equal("/demo/openai/v1/responses", gateway.Upstream.Last().Path);
        Forwarding.AssertOnlyTheModelChanged(_wire.Last(), gateway.Upstream.Last(), "openai/gpt-4o", "gpt-4o");
    }

    [Fact]
    public async Task A_streamed_Responses_API_response_names_the_unified_id_in_its_created_and_completed_events()
    {
        var models = new List<string>();
        var text = new StringBuilder();
        await foreach (var update in await Client().GetResponsesClient().CreateResponseStreamingAsync("openai/gpt-4o", "Hello"))
        {
            switch (update)
            {
                case StreamingResponseCreatedUpdate created:
                    models.Add(created.Response.Model);
                    break;
                case StreamingResponseCompletedUpdate completed:
                    models.Add(completed.Response.Model);
                    break;
                case StreamingResponseOutputTextDeltaUpdate delta:
                    text.Append(delta.Delta);
                    break;
            }
        }

        Assert.Equal(["openai/gpt-4o", "openai/gpt-4o"], models);
        Assert.Equal("Hello from the demo upstream; it received model 'gpt-4o'.", text.ToString());
    }

    [Fact]
    public async Task The_model_list_holds_the_active_visible_catalog_models_by_unified_id()
    {
        var models = (await Client().GetOpenAIModelClient().GetModelsAsync()).Value;

        Assert.Equal(
            ["anthropic/claude-3-5-sonnet-20241022", "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", "mistral/mistral-large", "openai/gpt-4o", "openai/upstream-error", "openrouter/meta-llama/llama-3.1-70b-instruct"],
            models.Select(m => m.Id));
    }

    [Theory]
    [InlineData("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("openrouter/meta-llama/llama-3.1-70b-instruct")]
    public async Task A_model_with_slashes_or_a_colon_is_retrieved(string id)
        => Assert.Equal(id, (await Client().GetOpenAIModelClient().GetModelAsync(id)).Value.Id);

    [Theory]
    [InlineData("openai/gpt-5", 404, "model_not_found", "does not exist")]
    [InlineData("openai/gpt-3.5-turbo", 404, "model_not_found", "disabled")]
    [InlineData("not a model", 400, "invalid_model", "not a valid model ID")]
    [InlineData("mistral/mistral-large", 502, "upstream_not_configured", "no cluster 'mistral'")]
    public async Task A_model_the_gateway_cannot_serve_gets_an_OpenAI_error_and_never_reaches_the_upstream(string model, int status, string code, string message)
    {
        var before = gateway.Upstream.Requests.Count;

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetChatClient(model).CompleteChatAsync([new UserChatMessage("Hello")]));

        Assert.Equal(status, error.Status);
        using var body = System.Text.Json.JsonDocument.Parse(error.GetRawResponse()!.Content.ToString());
        var details = body.RootElement.GetProperty("error");
        Assert.Equal(code, details.GetProperty("code").GetString());
        Assert.Contains(message, details.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, gateway.Upstream.Requests.Count);
    }

    [Fact]
    public async Task An_upstream_error_reaches_the_client_byte_for_byte()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetChatClient("openai/upstream-error").CompleteChatAsync([new UserChatMessage("Hello")]));

        Assert.Equal(400, error.Status);
        Assert.Equal(FakeUpstream.ErrorBody, error.GetRawResponse()!.Content.ToString());
    }

    private OpenAI.OpenAIClient Client() => Clients.OpenAI(gateway.Address, _wire);
}
