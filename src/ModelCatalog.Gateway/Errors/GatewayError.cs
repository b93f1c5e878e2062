using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// An error to answer a client with: an HTTP status code and a body in the client's protocol — OpenAI
/// <c>{"error":{"message","type","param","code"}}</c> or Anthropic <c>{"type":"error","error":{"type","message"}}</c>.
/// </summary>
public sealed class GatewayError
{
    /// <summary>Creates an error.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">The message for the client.</param>
    /// <param name="openAIType">OpenAI's <c>error.type</c>, e.g. <c>invalid_request_error</c>.</param>
    /// <param name="anthropicType">Anthropic's <c>error.type</c>, e.g. <c>not_found_error</c>.</param>
    /// <param name="code">OpenAI's <c>error.code</c>, e.g. <c>model_not_found</c>, or <see langword="null"/>.</param>
    /// <param name="param">OpenAI's <c>error.param</c>, e.g. <c>model</c>, or <see langword="null"/>.</param>
    public GatewayError(int statusCode, string message, string openAIType, string anthropicType, string? code = null, string? param = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentException.ThrowIfNullOrEmpty(openAIType);
        ArgumentException.ThrowIfNullOrEmpty(anthropicType);
        StatusCode = statusCode;
        Message = message;
        OpenAIType = openAIType;
        AnthropicType = anthropicType;
        Code = code;
        Param = param;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The message for the client.</summary>
    public string Message { get; }

    /// <summary>OpenAI's <c>error.type</c>.</summary>
    public string OpenAIType { get; }

    /// <summary>Anthropic's <c>error.type</c>.</summary>
    public string AnthropicType { get; }

    /// <summary>OpenAI's <c>error.code</c>, or <see langword="null"/>.</summary>
    public string? Code { get; }

    /// <summary>OpenAI's <c>error.param</c>, or <see langword="null"/>.</summary>
    public string? Param { get; }

    /// <summary>404: no model has the requested ID (OpenAI <c>model_not_found</c>, Anthropic <c>not_found_error</c>).</summary>
    /// <param name="model">The model string the client sent.</param>
    /// <returns>The error.</returns>
    public static GatewayError ModelNotFound(string model)
        => new(404, $"The model '{model}' does not exist or you do not have access to it.", "invalid_request_error", "not_found_error", "model_not_found", "model");

    /// <summary>
    /// 404: the model exists but is not active. Answered like an unknown model (clients handle that case), with a
    /// message that says why.
    /// </summary>
    /// <param name="model">The model string the client sent.</param>
    /// <returns>The error.</returns>
    public static GatewayError ModelInactive(string model)
        => new(404, $"The model '{model}' is not available: it is disabled.", "invalid_request_error", "not_found_error", "model_not_found", "model");

    /// <summary>400: the model string is not a unified model ID (OpenAI code <c>invalid_model</c>).</summary>
    /// <param name="model">The model string the client sent.</param>
    /// <param name="error">Why it is not an ID.</param>
    /// <param name="position">Where the parse failed.</param>
    /// <returns>The error.</returns>
    public static GatewayError InvalidModelId(string model, UnifiedModelIdError error, int position)
        => new(400, $"The model '{model}' is not a valid model ID: {error.Describe(position)}. Use 'provider_id/model_name'.", "invalid_request_error", "invalid_request_error", "invalid_model", "model");

    /// <summary>400 (413 for <see cref="ModelRewriteError.BodyTooLarge"/>): the request body was rejected by the rewriter.</summary>
    /// <param name="error">Why the body was rejected.</param>
    /// <param name="position">Where the problem was found.</param>
    /// <returns>The error.</returns>
    public static GatewayError InvalidBody(ModelRewriteError error, long position) => error switch
    {
        ModelRewriteError.BodyTooLarge => new(413, Sentence(error.Describe(position)), "invalid_request_error", "request_too_large", "request_too_large"),
        ModelRewriteError.MissingModel or ModelRewriteError.ModelNotString or ModelRewriteError.DuplicateModel
            => new(400, Sentence(error.Describe(position)), "invalid_request_error", "invalid_request_error", "invalid_model", "model"),
        _ => new(400, Sentence(error.Describe(position)), "invalid_request_error", "invalid_request_error", "invalid_json"),
    };

    /// <summary>400: a query or body parameter has an invalid value.</summary>
    /// <param name="param">The parameter's name.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <returns>The error.</returns>
    public static GatewayError InvalidParameter(string param, string message)
        => new(400, message, "invalid_request_error", "invalid_request_error", "invalid_value", param);

    /// <summary>Writes the error body in <paramref name="protocol"/>'s shape.</summary>
    /// <param name="output">Receives the UTF-8 JSON body.</param>
    /// <param name="protocol">The client's protocol.</param>
    public void WriteTo(IBufferWriter<byte> output, GatewayProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        if (protocol == GatewayProtocol.Anthropic)
        {
            writer.WriteString("type"u8, "error"u8);
            writer.WriteStartObject("error"u8);
            writer.WriteString("type"u8, AnthropicType);
            writer.WriteString("message"u8, Message);
        }
        else
        {
            writer.WriteStartObject("error"u8);
            writer.WriteString("message"u8, Message);
            writer.WriteString("type"u8, OpenAIType);
            writer.WriteString("param"u8, Param);
            writer.WriteString("code"u8, Code);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {Code ?? OpenAIType}: {Message}";

    private static string Sentence(string description) => char.ToUpperInvariant(description[0]) + description[1..] + ".";
}
