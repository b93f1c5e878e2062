using Microsoft.AspNetCore.Http;
using ModelCatalog.Gateway;

namespace ModelCatalog.AspNetCore;

/// <summary>Protocol detection and error responses for gateway endpoints.</summary>
public static class GatewayHttpExtensions
{
    /// <summary>The header Anthropic clients send on every request.</summary>
    public const string AnthropicVersionHeader = "anthropic-version";

    /// <summary>
    /// The protocol the client speaks: <see cref="GatewayProtocol.Anthropic"/> when the request carries an
    /// <c>anthropic-version</c> header, else <see cref="GatewayProtocol.OpenAI"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The protocol.</returns>
    public static GatewayProtocol GetGatewayProtocol(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(AnthropicVersionHeader) ? GatewayProtocol.Anthropic : GatewayProtocol.OpenAI;
    }

    /// <summary>Answers with <paramref name="error"/>: its status code and a JSON body in <paramref name="protocol"/>'s shape.</summary>
    /// <param name="response">The response; nothing must have been written yet.</param>
    /// <param name="error">The error.</param>
    /// <param name="protocol">The client's protocol.</param>
    /// <returns>A task that completes when the body is flushed.</returns>
    public static Task WriteGatewayErrorAsync(this HttpResponse response, GatewayError error, GatewayProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        response.StatusCode = error.StatusCode;
        response.ContentType = "application/json";
        error.WriteTo(response.BodyWriter, protocol);
        return response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).AsTask();
    }
}
