using System.Text.Json.Serialization.Metadata;

namespace ModelCatalog;

/// <summary>
/// The JSON shape in which the catalog stores and writes its structured official values (history, the EF Core store,
/// the native catalog file, <c>show --json</c>): snake_case members, unknown (<see langword="null"/>) members left out,
/// exact decimals, enums as strings. Source-generated metadata: no reflection, trimming and AOT friendly.
/// </summary>
/// <example><c>JsonSerializer.Serialize(model.Pricing, StructuredValueJson.Pricing)</c></example>
public static class StructuredValueJson
{
    /// <summary>Metadata for <see cref="ModelPricing"/>.</summary>
    public static JsonTypeInfo<ModelPricing> Pricing => ModelCatalogJsonContext.Default.ModelPricing;

    /// <summary>Metadata for <see cref="ModelCapabilities"/>.</summary>
    public static JsonTypeInfo<ModelCapabilities> Capabilities => ModelCatalogJsonContext.Default.ModelCapabilities;

    /// <summary>Metadata for <see cref="ModelLifecycle"/>.</summary>
    public static JsonTypeInfo<ModelLifecycle> Lifecycle => ModelCatalogJsonContext.Default.ModelLifecycle;

    /// <summary>Metadata for <see cref="ModelCatalog.PriceReview"/> (stores keep a held price change in this shape).</summary>
    public static JsonTypeInfo<PriceReview> PriceReview => ModelCatalogJsonContext.Default.PriceReview;
}
