namespace ModelCatalog.Gateway;

/// <summary>Where a model is in its provider's lifecycle, as Anthropic's models API reports it (<c>lifecycle</c>).</summary>
public enum GatewayModelLifecycle : byte
{
    /// <summary>Offered and supported (<c>"active"</c>).</summary>
    Active = 0,

    /// <summary>Still served, but announced for retirement (<c>"deprecated"</c>).</summary>
    Deprecated,

    /// <summary>No longer served by the provider (<c>"retired"</c>).</summary>
    Retired,
}
