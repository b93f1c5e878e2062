using System.Globalization;
using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>Fills a model's structured official fields (pricing, capabilities, lifecycle, limits) from one upstream record.</summary>
/// <param name="record">The upstream record.</param>
/// <param name="model">The model the reader built from it.</param>
/// <param name="error">Set to the reason when a field has the wrong type.</param>
/// <returns><see langword="false"/> when the entry must be rejected.</returns>
internal delegate bool StructuredFieldReader(JsonElement record, CatalogModel model, ref string? error);

/// <summary>
/// The hook the format readers call to add a model with its structured fields, and the small readers the per-format
/// mapping files (<c>LiteLlmPricing</c>, <c>OpenRouterPricing</c>, <c>ModelsDevPricing</c>, <c>NativeStructuredFields</c>) share.
/// </summary>
internal static class StructuredFields
{
    /// <summary>Fills the structured fields, then adds the model; a wrong-typed field rejects the entry naming it.</summary>
    public static void Add(this SnapshotBuilder builder, string key, JsonElement record, StructuredFieldReader read, CatalogModel model)
    {
        string? error = null;
        if (!read(record, model, ref error))
        {
            builder.Reject(key, error ?? "a structured field is not valid", model.Id);
            return;
        }

        builder.Add(key, record, model);
    }

    /// <summary>A price in USD per token, as USD per million tokens.</summary>
    public static bool TryPerMillion(JsonElement record, string name, out decimal? perMillion, ref string? error)
    {
        perMillion = null;
        return JsonFields.TryDecimal(record, name, out var perToken, ref error) && JsonFields.TryPerMillion(perToken, name, out perMillion, ref error);
    }

    /// <summary>A list of strings (modalities), lower-cased; <see langword="null"/> when absent.</summary>
    public static bool TryStrings(JsonElement record, string name, out IReadOnlyList<string>? values, ref string? error)
    {
        values = null;
        if (!record.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            error ??= $"field '{name}' is {JsonFields.Describe(element)}, not an array";
            return false;
        }

        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error ??= $"field '{name}' holds {JsonFields.Describe(item)}, not a string";
                return false;
            }

            list.Add(item.GetString()!.ToLowerInvariant());
        }

        values = list;
        return true;
    }

    /// <summary>A date (<c>YYYY-MM-DD</c>, read as midnight UTC) or a date and time with an offset.</summary>
    public static bool TryDate(JsonElement record, string name, out DateTimeOffset? value, ref string? error)
    {
        value = null;
        if (!JsonFields.TryString(record, name, out var text, ref error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error ??= $"field '{name}' is the string \"{text}\", not a date";
        return false;
    }

    /// <summary>The pricing, or <see langword="null"/> when the record states no price at all (unknown is not zero).</summary>
    public static ModelPricing? OrNull(ModelPricing pricing) => pricing.IsEmpty ? null : pricing;

    /// <summary>The capabilities, or <see langword="null"/> when the record states none.</summary>
    public static ModelCapabilities? OrNull(ModelCapabilities capabilities) => capabilities.Equals(new ModelCapabilities()) ? null : capabilities;

    /// <summary>The lifecycle, or <see langword="null"/> when the record states none.</summary>
    public static ModelLifecycle? OrNull(ModelLifecycle lifecycle) => lifecycle.Equals(new ModelLifecycle()) ? null : lifecycle;

    /// <summary>Tiers in ascending threshold order, without tiers that state no price.</summary>
    public static IReadOnlyList<PriceTier> Tiers(IEnumerable<PriceTier> tiers)
        => [.. tiers.Where(t => !t.Prices.IsEmpty).OrderBy(t => t.AbovePromptTokens)];

    /// <summary>Whether a modality list contains <paramref name="modality"/>; <see langword="null"/> when the list is unknown.</summary>
    public static bool? Contains(IReadOnlyList<string>? modalities, string modality) => modalities?.Contains(modality, StringComparer.Ordinal);
}
