using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelCatalog.Yarp.Tests.Support;

namespace ModelCatalog.Yarp.Tests;

/// <summary>What no SDK sends but a gateway must answer: bad bodies, wrong media types, oversized and chunked bodies.</summary>
[Collection(GatewayCollection.Name)]
public class ProtocolErrorTests(SampleGatewayFixture gateway)
{
    [Theory]
    [InlineData("""{"model":"openai/gpt-4o","messages":[""", 400, "invalid_json")]
    [InlineData("""{"model":"openai/gpt-4o","mod\u0065l":"openai/gpt-4o-mini"}""", 400, "invalid_model")]
    [InlineData("""{"messages":[]}""", 400, "invalid_model")]
    [InlineData("""{"model":"openai/gpt-4o","\ud800":1}""", 400, "invalid_json")]
    public async Task A_body_the_gateway_cannot_read_with_certainty_is_refused_in_OpenAI_shape(string body, int status, string code)
    {
        var before = gateway.Upstream.Requests.Count;

        var (actual, error) = await PostAsync(new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, actual);
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, gateway.Upstream.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_415_in_Anthropic_shape_for_Anthropic_clients()
    {
        var (status, error) = await PostAsync(new StringContent("model=anthropic/claude-3-5-sonnet-20241022", Encoding.UTF8, "application/x-www-form-urlencoded"), anthropic: true);

        Assert.Equal(415, status);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_before_it_is_read()
    {
        var content = new ByteArrayContent(new byte[(32 * 1024 * 1024) + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Expect: 100-continue: the client sends the body only if the gateway asks for it, which it does not.
        var (status, error) = await PostAsync(content, expectContinue: true);

        Assert.Equal(413, status);
        Assert.Equal("request_too_large", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_chunked_body_reaches_the_upstream_rewritten_with_its_own_length_and_no_compression_asked()
    {
        const string Body = """{"model":"openai/gpt-4o","messages":[{"role":"user","content":"Hi \u00e9"}], "stream" : false}""";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, "/v1/chat/completions")) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var client = new HttpClient();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = gateway.Upstream.Last();
        var expected = Body.Replace("openai/gpt-4o", "gpt-4o", StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(upstream.Body));
        Assert.Equal(Encoding.UTF8.GetByteCount(expected).ToString(System.Globalization.CultureInfo.InvariantCulture), upstream.Headers["Content-Length"]);
        Assert.False(upstream.Headers.ContainsKey("Transfer-Encoding"));
        Assert.False(upstream.Headers.ContainsKey("Accept-Encoding"));
        Assert.Contains("\"model\":\"openai/gpt-4o\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_JSON_response_carries_its_new_length()
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(
            new Uri(gateway.Address, "/v1/chat/completions"),
            new StringContent("""{"model":"openrouter/meta-llama/llama-3.1-70b-instruct","messages":[]}""", Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("\"model\":\"openrouter/meta-llama/llama-3.1-70b-instruct\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonElement Error)> PostAsync(HttpContent content, bool anthropic = false, bool expectContinue = false)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, anthropic ? "/v1/messages" : "/v1/chat/completions")) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        if (anthropic)
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
        }

        using var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
