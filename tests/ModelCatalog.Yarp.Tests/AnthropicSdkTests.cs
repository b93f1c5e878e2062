using System.Text;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using ModelCatalog.Yarp.Tests.Support;

namespace ModelCatalog.Yarp.Tests;

/// <summary>The sample gateway driven by the official Anthropic 13.14 SDK (response validation on): messages, streaming, models, errors.</summary>
[Collection(GatewayCollection.Name)]
public class AnthropicSdkTests(SampleGatewayFixture gateway)
{
    private readonly RecordingHandler _wire = new();

    [Theory]
    [InlineData("anthropic/claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20241022")]
    [InlineData("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-sonnet-20241022-v2:0")]
    public async Task A_message_reaches_the_providers_cluster_with_its_name_and_comes_back_with_the_unified_id(string model, string upstreamName)
    {
        using var client = Clients.Anthropic(gateway.Address, _wire);

        var message = await client.Messages.Create(Request(model));

        Assert.Equal(model, message.Model.Raw());
        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal($"Hello from the demo upstream; it received model '{upstreamName}'.", text.Text);
        var upstream = gateway.Upstream.Last();
        Assert.Equal("/demo/anthropic/v1/messages", upstream.Path);
        Forwarding.AssertOnlyTheModelChanged(_wire.Last(), upstream, model, upstreamName);
    }

    [Fact]
    public async Task A_streamed_message_names_the_unified_id_in_message_start()
    {
        using var client = Clients.Anthropic(gateway.Address, _wire);
        var models = new List<string>();
        var text = new StringBuilder();

        await foreach (var item in client.Messages.CreateStreaming(Request("anthropic/claude-3-5-sonnet-20241022")))
        {
            if (item.TryPickStart(out var start))
            {
                models.Add(start.Message.Model.Raw());
            }
            else if (item.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta.Text);
            }
        }

        Assert.Equal(["anthropic/claude-3-5-sonnet-20241022"], models);
        Assert.Equal("Hello from the demo upstream; it received model 'claude-3-5-sonnet-20241022'.", text.ToString());
    }

    [Fact]
    public async Task A_model_with_a_colon_is_retrieved_and_validates()
    {
        using var client = Clients.Anthropic(gateway.Address, _wire);

        var model = await client.Models.Retrieve("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0");
        model.Validate();

        Assert.Equal("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", model.ID);
    }

    [Fact]
    public async Task The_catalogs_token_limits_reach_the_model_info()
    {
        using var client = Clients.Anthropic(gateway.Address, _wire);

        var model = await client.Models.Retrieve("anthropic/claude-3-5-sonnet-20241022");

        Assert.Equal(200_000, model.MaxInputTokens);
        Assert.Equal(8_192, model.MaxTokens);
    }

    [Fact]
    public async Task An_unknown_model_is_not_found_and_an_invalid_one_a_bad_request_in_Anthropics_shape()
    {
        using var client = Clients.Anthropic(gateway.Address, _wire);

        var missing = await Assert.ThrowsAsync<AnthropicNotFoundException>(() => client.Messages.Create(Request("anthropic/claude-9")));
        var invalid = await Assert.ThrowsAsync<AnthropicBadRequestException>(() => client.Messages.Create(Request("claude without provider")));

        Assert.Contains("not_found_error", missing.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("invalid_request_error", invalid.ResponseBody, StringComparison.Ordinal);
    }

    private static MessageCreateParams Request(string model) => new()
    {
        Model = model,
        MaxTokens = 64,
        Messages = [new UserMessageParam("Hello, é 日本 😀")],
    };
}
