using System.Text.Json.Serialization;

namespace ModelCatalog;

/// <summary>
/// System.Text.Json source-generated metadata (no reflection, AOT friendly) for the structured official values:
/// <see cref="ModelPricing"/>, <see cref="ModelCapabilities"/> and <see cref="ModelLifecycle"/>. Members are snake_case,
/// unknown (<see langword="null"/>) members are left out, decimals are written exactly. History, the EF Core store and
/// the native catalog file all use this one shape. Internal: its generated members are not an API anyone should
/// depend on; <see cref="StructuredValueJson"/> is the public door to the same metadata.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelPricing))]
[JsonSerializable(typeof(ModelCapabilities))]
[JsonSerializable(typeof(ModelLifecycle))]
[JsonSerializable(typeof(ModelPrices))]
[JsonSerializable(typeof(PriceReview))]
internal sealed partial class ModelCatalogJsonContext : JsonSerializerContext;
