using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// The built-in catalog model: one AI model as the catalog stores it. Official fields follow the source, local
/// fields belong to the administrator, and the display name follows the source until an administrator renames it.
/// Derive from it (a partial class marked <see cref="SyncModelAttribute"/> again) to add fields.
/// </summary>
[SyncModel]
public partial class CatalogModel
{
    /// <summary>The unified model ID (<c>provider_id/model_name</c>): the key.</summary>
    public UnifiedModelId Id { get; set; }

    /// <summary>The name shown to users; follows the official name until an administrator changes it.</summary>
    [Conditional]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The official description.</summary>
    [Official]
    public string? Description { get; set; }

    /// <summary>The official price per <see cref="UnitType"/> unit.</summary>
    [Official]
    public decimal? CostPerUnit { get; set; }

    /// <summary>What one unit is (for example <c>request</c>, <c>character</c>, <c>second</c>, <c>image</c>).</summary>
    [Official]
    public string? UnitType { get; set; }

    /// <summary>The credits charged per unit.</summary>
    [Official]
    public decimal? CreditsPerUnit { get; set; }

    /// <summary>The provider-specific configuration, a JSON object.</summary>
    [Official]
    public JsonElement? Config { get; set; }

    /// <summary>The provider as the source names it (for display; the key carries the provider ID).</summary>
    [Official]
    public string? Provider { get; set; }

    /// <summary>The kind of model (for example <c>chat</c>, <c>embedding</c>, <c>tts</c>, <c>image</c>).</summary>
    [Official]
    public string? ModelType { get; set; }

    /// <summary>The official price of one million input tokens.</summary>
    [Official]
    public decimal? InputCostPerMillionTokens { get; set; }

    /// <summary>The official price of one million output tokens.</summary>
    [Official]
    public decimal? OutputCostPerMillionTokens { get; set; }

    /// <summary>The context window, in tokens.</summary>
    [Official]
    public int? ContextWindow { get; set; }

    /// <summary>The most tokens one response may contain.</summary>
    [Official]
    public int? MaxOutputTokens { get; set; }

    /// <summary>The most tokens one request's input may contain, where the source states it apart from the context window.</summary>
    [Official]
    public int? MaxInputTokens { get; set; }

    /// <summary>
    /// The structured official prices (exact decimals, USD, unit in each name: cache, reasoning, audio, per request,
    /// per image, batch, long-context tiers); <see langword="null"/> when the source states no price. Stores keep it as
    /// one JSON value (<see cref="StructuredValueJson"/>): it is always read whole, never filtered on, and new
    /// components need no schema change.
    /// </summary>
    [Official]
    public ModelPricing? Pricing { get; set; }

    /// <summary>Modalities and capabilities (tools, vision, reasoning, structured output, caching, attachments); stored as JSON like <see cref="Pricing"/>.</summary>
    [Official]
    public ModelCapabilities? Capabilities { get; set; }

    /// <summary>Lifecycle: status, deprecated at, retires at, successor; stored as JSON like <see cref="Pricing"/>.</summary>
    [Official]
    public ModelLifecycle? Lifecycle { get; set; }

    /// <summary>Whether the model may be used; owned by the administrator (new models start active).</summary>
    [Local]
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the model is listed; owned by the administrator (new models start visible).</summary>
    [Local]
    public bool IsVisible { get; set; } = true;

    /// <summary>Whether the model is flagged as beta; owned by the administrator.</summary>
    [Local]
    public bool IsBeta { get; set; }
}
