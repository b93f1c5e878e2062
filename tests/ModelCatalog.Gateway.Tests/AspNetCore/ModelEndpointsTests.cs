using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.AspNetCore;

public class ModelEndpointsTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task The_listing_is_in_OpenAI_shape_without_an_anthropic_version_header()
    {
        var (status, body) = await GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("list", body.RootElement.GetProperty("object").GetString());
        var first = body.RootElement.GetProperty("data")[0];
        Assert.Equal("anthropic/claude-3-5-sonnet", first.GetProperty("id").GetString());
        Assert.Equal("model", first.GetProperty("object").GetString());
        Assert.Equal("anthropic", first.GetProperty("owned_by").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("created").ValueKind);
        Assert.Equal(7, body.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task The_listing_is_in_Anthropic_shape_with_an_anthropic_version_header()
    {
        var (status, body) = await GetAsync("/v1/models?limit=2", anthropic: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("model", data[0].GetProperty("type").GetString());
        Assert.Equal("Claude 3.5 Sonnet", data[0].GetProperty("display_name").GetString());
        Assert.Equal("1970-01-01T00:00:00Z", data[0].GetProperty("created_at").GetString());
        Assert.True(body.RootElement.GetProperty("has_more").GetBoolean());
        Assert.Equal("anthropic/claude-3-5-sonnet", body.RootElement.GetProperty("first_id").GetString());
        Assert.Equal("azure/GPT-4o", body.RootElement.GetProperty("last_id").GetString());
    }

    [Fact]
    public async Task The_Anthropic_listing_pages_with_after_id()
    {
        var (_, body) = await GetAsync("/v1/models?limit=2&after_id=custom/a/b", anthropic: true);

        Assert.Equal("openai/gpt-4o", body.RootElement.GetProperty("first_id").GetString());
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", body.RootElement.GetProperty("last_id").GetString());
        Assert.False(body.RootElement.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task A_limit_out_of_range_answers_400_in_Anthropic_shape()
    {
        var (status, body) = await GetAsync("/v1/models?limit=1001", anthropic: true);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task One_model_whose_id_has_slashes_is_found_in_OpenAI_shape()
    {
        var (status, body) = await GetAsync("/v1/models/openrouter/meta-llama/llama-3.1-70b-instruct");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("model", body.RootElement.GetProperty("object").GetString());
    }

    [Fact]
    public async Task One_model_is_found_in_Anthropic_shape()
    {
        var (status, body) = await GetAsync("/v1/models/openai/gpt-4o", anthropic: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("GPT-4o", body.RootElement.GetProperty("display_name").GetString());
        Assert.Equal("2024-05-13T00:00:00Z", body.RootElement.GetProperty("created_at").GetString());
    }

    [Theory]
    [InlineData("/v1/models/openai/gpt-5")]
    [InlineData("/v1/models/openai/gpt-3.5-turbo")]
    [InlineData("/v1/models/openai/internal-eval")]
    [InlineData("/v1/models/openai%2Fgpt-5")]
    public async Task An_unknown_inactive_or_hidden_model_answers_404_model_not_found(string path)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("model_not_found", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/v1/models/not-an-id", "not-an-id")]
    [InlineData("/v1/models/open-ai%2Fx", "open-ai/x")]
    [InlineData("/v1/models/openai%2F%20x", "openai/ x")]
    public async Task An_invalid_model_id_answers_400_invalid_model_naming_the_decoded_id(string path, string decoded)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("invalid_model", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.StartsWith($"The model '{decoded}' is not a valid model ID", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/models/openai%2Fgpt-4o", "openai/gpt-4o")]
    [InlineData("/v1/models/openai%2fgpt-4o", "openai/gpt-4o")]
    [InlineData("/v1/models/openrouter%2Fmeta-llama%2Fllama-3.1-70b-instruct", "openrouter/meta-llama/llama-3.1-70b-instruct")]
    [InlineData("/v1/models/openrouter/meta-llama%2Fllama-3.1-70b-instruct", "openrouter/meta-llama/llama-3.1-70b-instruct")]
    [InlineData("/v1/models/bedrock%2Fanthropic.claude-3-5-sonnet-20241022-v2%3A0", "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("/v1/models/custom%2Fa%252Fb", "custom/a%2Fb")]
    [InlineData("/v1/models/custom/a%252Fb", "custom/a%2Fb")]
    [InlineData("/v1/models/custom%2Fa%2Fb", "custom/a/b")]
    [InlineData("/v1/models/custom/a/b?x=%2F", "custom/a/b")]
    public async Task An_id_sent_as_one_escaped_segment_is_decoded_once(string path, string id)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_Anthropic_model_has_the_fields_of_the_current_models_API()
    {
        var (_, body) = await GetAsync("/v1/models/anthropic%2Fclaude-3-5-sonnet", anthropic: true);

        var model = body.RootElement;
        Assert.Equal("deprecated", model.GetProperty("lifecycle").GetString());
        Assert.Equal("2025-08-13T00:00:00Z", model.GetProperty("deprecated_at").GetString());
        Assert.Equal("2025-10-22T00:00:00Z", model.GetProperty("retires_at").GetString());
        Assert.Equal(200_000, model.GetProperty("max_input_tokens").GetInt64());
        Assert.Equal(8_192, model.GetProperty("max_tokens").GetInt64());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("capabilities").ValueKind);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("line").ValueKind);
    }

    [Fact]
    public async Task Unknown_Anthropic_model_facts_are_null_and_the_lifecycle_is_active()
    {
        var (_, body) = await GetAsync("/v1/models/openai/gpt-4o", anthropic: true);

        var model = body.RootElement;
        Assert.Equal("active", model.GetProperty("lifecycle").GetString());
        foreach (var name in new[] { "deprecated_at", "retires_at", "max_input_tokens", "max_tokens" })
        {
            Assert.Equal(JsonValueKind.Null, model.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public async Task A_missing_model_answers_404_not_found_error_to_Anthropic_clients()
    {
        var (status, body) = await GetAsync("/v1/models/openai/gpt-5", anthropic: true);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("not_found_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Registering_the_gateway_twice_registers_one_resolver_and_applies_both_configurations()
    {
        var services = new ServiceCollection()
            .AddInMemoryGatewayModelDirectory(SampleModels.All())
            .AddModelCatalogGateway()
            .AddModelCatalogGateway(o => o.CaseInsensitiveFallback = true);

        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(ModelResolver));
        Assert.Single(services, d => d.ServiceType == typeof(GatewayRequestRewriter));
        // The second call's option took effect: a differently cased ID resolves through the fallback.
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var result = await provider.GetRequiredService<GatewayRequestRewriter>().RewriteAsync(
            new System.Buffers.ReadOnlySequence<byte>("{\"model\":\"AZURE/gpt-4O\",\"n\":1}"u8.ToArray()), output);
        Assert.True(result.IsSuccess);
        Assert.Equal("{\"model\":\"my-deployment\",\"n\":1}", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void The_registrations_guard_their_arguments()
    {
        Assert.Throws<ArgumentNullException>("services", () => ModelCatalogGatewayServiceCollectionExtensions.AddModelCatalogGateway(null!));
        Assert.Throws<ArgumentNullException>("models", () => new ServiceCollection().AddInMemoryGatewayModelDirectory(null!));
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> GetAsync(string path, bool anthropic = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (anthropic)
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
        }

        using var response = await server.Client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
