using System.ClientModel;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Models;
using ModelCatalog.Gateway.Tests.Support;
using OpenAI;

namespace ModelCatalog.Gateway.Tests.AspNetCore;

/// <summary>The model endpoints driven by the official OpenAI 2.15 and Anthropic 13.14 SDKs, as a client would use them.</summary>
public class ModelEndpointsSdkTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Theory]
    [InlineData("openai/gpt-4o")]
    [InlineData("openrouter/meta-llama/llama-3.1-70b-instruct")]
    [InlineData("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("custom/a%2Fb")]
    [InlineData("custom/a/b")]
    public async Task The_OpenAI_SDK_retrieves_a_model_by_its_unified_id(string id)
    {
        var model = (await OpenAI().GetOpenAIModelClient().GetModelAsync(id)).Value;

        Assert.Equal(id, model.Id);
    }

    [Fact]
    public async Task The_OpenAI_SDK_lists_the_listed_models_by_unified_id()
    {
        var models = (await OpenAI().GetOpenAIModelClient().GetModelsAsync()).Value;

        Assert.Equal(
            ["anthropic/claude-3-5-sonnet", "azure/GPT-4o", "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", "custom/a%2Fb", "custom/a/b", "openai/gpt-4o", "openrouter/meta-llama/llama-3.1-70b-instruct"],
            models.Select(m => m.Id));
    }

    [Theory]
    [InlineData("openai/gpt-5", 404)]
    [InlineData("openai/gpt-3.5-turbo", 404)]
    [InlineData("not-an-id", 400)]
    public async Task The_OpenAI_SDK_sees_a_missing_or_invalid_model_as_its_status(string id, int status)
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => OpenAI().GetOpenAIModelClient().GetModelAsync(id));

        Assert.Equal(status, error.Status);
    }

    [Theory]
    [InlineData("openai/gpt-4o")]
    [InlineData("openrouter/meta-llama/llama-3.1-70b-instruct")]
    [InlineData("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("custom/a%2Fb")]
    public async Task The_Anthropic_SDK_retrieves_and_validates_a_model_by_its_unified_id(string id)
    {
        using var client = Anthropic();

        var model = await client.Models.Retrieve(id);
        model.Validate();

        Assert.Equal(id, model.ID);
    }

    [Fact]
    public async Task The_Anthropic_SDK_reads_the_lifecycle_and_limits_the_catalog_knows()
    {
        using var client = Anthropic();

        var model = await client.Models.Retrieve("anthropic/claude-3-5-sonnet");

        Assert.Equal(ModelInfoLifecycle.Deprecated, model.Lifecycle.Value());
        Assert.Equal(new DateTimeOffset(2025, 10, 22, 0, 0, 0, TimeSpan.Zero), model.RetiresAt);
        Assert.Equal(200_000, model.MaxInputTokens);
        Assert.Equal(8_192, model.MaxTokens);
    }

    [Fact]
    public async Task The_Anthropic_SDK_lists_and_validates_every_page()
    {
        using var client = Anthropic();

        var page = await client.Models.List(new ModelListParams { Limit = 3 });
        page.Validate();

        Assert.Equal(["anthropic/claude-3-5-sonnet", "azure/GPT-4o", "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0"], page.Items.Select(m => m.ID));
        Assert.True(page.HasNext());
    }

    [Fact]
    public async Task The_Anthropic_SDK_sees_a_missing_model_as_not_found_and_an_invalid_id_as_a_bad_request()
    {
        using var client = Anthropic();

        await Assert.ThrowsAsync<AnthropicNotFoundException>(() => client.Models.Retrieve("openai/gpt-5"));
        await Assert.ThrowsAsync<AnthropicBadRequestException>(() => client.Models.Retrieve("not-an-id"));
    }

    private OpenAIClient OpenAI() => new(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = new Uri(server.Address, "/v1"), NetworkTimeout = TimeSpan.FromSeconds(30) });

    private AnthropicClient Anthropic() => new(new ClientOptions
    {
        ApiKey = "test-key",
        BaseUrl = server.Address.ToString().TrimEnd('/'),
        ResponseValidation = true,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(30),
    });
}
