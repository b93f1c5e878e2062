using ModelCatalog.Gateway;

namespace ModelCatalog.Yarp;

/// <summary>The errors only the proxy answers with; the model and body errors come from <see cref="GatewayError"/>.</summary>
internal static class ProxyErrors
{
    public static GatewayError UnsupportedMediaType(string? contentType)
        => new(415, $"The request body must be JSON (Content-Type: application/json), not '{contentType}'.", "invalid_request_error", "invalid_request_error", "unsupported_media_type");

    public static GatewayError NoUpstream(string model, string clusterId)
        => new(502, $"The model '{model}' has no upstream: the gateway has no cluster '{clusterId}'.", "server_error", "api_error", "upstream_not_configured", "model");

    public static GatewayError TooLarge(long limit)
        => GatewayError.InvalidBody(ModelRewriteError.BodyTooLarge, limit);
}
