using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Tells a catalog's format from its shape: an array or <c>{"data": [...]}</c> is OpenRouter; <c>{"models": [...]}</c>
/// (any root <c>models</c> key) is ModelCatalog's own; an object of records carrying <c>litellm_provider</c> is LiteLLM; an object of provider records
/// carrying a <c>models</c> object is models.dev. The first records decide (a sample, not the whole file).
/// </summary>
internal static class CatalogFormatDetector
{
    private const int Sample = 32;

    public static CatalogFormat? Detect(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            // A bare array of model objects; an array of anything else is no catalog.
            var first = root.EnumerateArray().FirstOrDefault();
            return first.ValueKind == JsonValueKind.Object ? CatalogFormat.OpenRouter : null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // A root 'models' key of any kind is the native format (its reader then names a wrong shape precisely).
        if (root.TryGetProperty("models", out _))
        {
            return CatalogFormat.ModelCatalog;
        }

        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            return CatalogFormat.OpenRouter;
        }

        int liteLlm = 0, modelsDev = 0, seen = 0;
        foreach (var property in root.EnumerateObject())
        {
            if (seen++ == Sample)
            {
                break;
            }

            var value = property.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (property.NameEquals("sample_spec") || value.TryGetProperty("litellm_provider", out _))
            {
                liteLlm++;
            }
            else if (value.TryGetProperty("models", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                modelsDev++;
            }
        }

        return liteLlm > modelsDev ? CatalogFormat.LiteLlm : modelsDev > liteLlm ? CatalogFormat.ModelsDev : null;
    }

    public static string Describe(CatalogFormat format) => format switch
    {
        CatalogFormat.ModelCatalog => "a ModelCatalog file",
        CatalogFormat.LiteLlm => "a LiteLLM price map",
        CatalogFormat.OpenRouter => "an OpenRouter models response",
        CatalogFormat.ModelsDev => "a models.dev catalog",
        _ => format.ToString(),
    };
}
