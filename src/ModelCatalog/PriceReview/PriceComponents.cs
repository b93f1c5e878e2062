using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// The numeric components of a <see cref="ModelPrices"/>, by their path in its stored JSON shape
/// (<c>pricing.tokens.input_per_million</c>, <c>pricing.tiers[0].prices.output_per_million</c>, <c>cost_per_unit</c>).
/// Read from the JSON form so the list of components is the types' own and never written out a second time.
/// </summary>
internal static class PriceComponents
{
    public static Dictionary<string, decimal> Of(ModelPrices prices)
    {
        var components = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var element = JsonSerializer.SerializeToElement(prices, ModelCatalogJsonContext.Default.ModelPrices);
        Collect(element, string.Empty, components);
        return components;
    }

    /// <summary>Whether no price at all is known.</summary>
    public static bool NoneKnown(ModelPrices prices) => Of(prices).Count == 0;

    private static void Collect(JsonElement element, string path, Dictionary<string, decimal> components)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", components);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{index++}]", components);
                }

                break;
            case JsonValueKind.Number:
                components[path] = element.GetDecimal();
                break;
        }
    }
}
