using System.Buffers;
using System.Text.Json;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Errors;

public class GatewayErrorTests
{
    [Fact]
    public void An_OpenAI_error_body_has_message_type_param_and_code()
    {
        using var body = Write(GatewayError.ModelNotFound("openai/gpt-5"), GatewayProtocol.OpenAI);
        var error = body.RootElement.GetProperty("error");

        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Contains("openai/gpt-5", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_Anthropic_error_body_has_type_error_and_a_typed_error()
    {
        using var body = Write(GatewayError.ModelNotFound("openai/gpt-5"), GatewayProtocol.Anthropic);

        Assert.Equal("error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("not_found_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("error").EnumerateObject().Count());
    }

    [Fact]
    public void An_OpenAI_error_without_code_or_param_writes_nulls()
    {
        using var body = Write(new GatewayError(500, "boom", "server_error", "api_error"), GatewayProtocol.OpenAI);

        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("error").GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("error").GetProperty("param").ValueKind);
    }

    [Theory]
    [InlineData(ModelRewriteError.InvalidJson, 400, "invalid_json")]
    [InlineData(ModelRewriteError.DuplicateModel, 400, "invalid_model")]
    [InlineData(ModelRewriteError.BodyTooLarge, 413, "request_too_large")]
    public void A_rejected_body_maps_to_a_status_and_code(ModelRewriteError rewriteError, int status, string code)
    {
        var error = GatewayError.InvalidBody(rewriteError, 12);

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_code_outside_4xx_and_5xx_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => new GatewayError(200, "ok", "x", "y"));

    private static JsonDocument Write(GatewayError error, GatewayProtocol protocol)
    {
        var output = new ArrayBufferWriter<byte>();
        error.WriteTo(output, protocol);
        return JsonDocument.Parse(Bodies.Text(output.WrittenSpan));
    }
}
