namespace ModelCatalog.Gateway;

/// <summary>The wire protocol a client speaks, which decides the shape of listings and error bodies.</summary>
public enum GatewayProtocol : byte
{
    /// <summary>The OpenAI API (and the many APIs compatible with it).</summary>
    OpenAI = 0,

    /// <summary>The Anthropic API; clients send an <c>anthropic-version</c> header.</summary>
    Anthropic,
}
