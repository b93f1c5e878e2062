using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ModelCatalog.Sources;

/// <summary>
/// The native catalog file's structured fields: <c>max_input_tokens</c>, and <c>pricing</c>, <c>capabilities</c>,
/// <c>lifecycle</c> as objects in the <see cref="StructuredValueJson"/> shape (the shape <c>show --json</c> writes).
/// </summary>
internal static class NativeStructuredFields
{
    public static bool TryApply(JsonElement record, CatalogModel model, ref string? error)
    {
        bool ok = JsonFields.TryInt(record, "max_input_tokens", out var maxInput, ref error)
            & TryRead(record, "pricing", StructuredValueJson.Pricing, out var pricing, ref error)
            & TryRead(record, "capabilities", StructuredValueJson.Capabilities, out var capabilities, ref error)
            & TryRead(record, "lifecycle", StructuredValueJson.Lifecycle, out var lifecycle, ref error);
        if (!ok)
        {
            return false;
        }

        model.MaxInputTokens = maxInput;
        model.Pricing = pricing;
        model.Capabilities = capabilities;
        model.Lifecycle = lifecycle;
        return true;
    }

    private static bool TryRead<T>(JsonElement record, string name, JsonTypeInfo<T> info, out T? value, ref string? error)
        where T : class
    {
        value = null;
        if (!JsonFields.TryObject(record, name, out var element, ref error))
        {
            return false;
        }

        if (element is not { } json)
        {
            return true;
        }

        try
        {
            value = json.Deserialize(info);
            return true;
        }
        catch (JsonException exception)
        {
            error ??= $"field '{name}' is not valid: {exception.Message}";
            return false;
        }
    }
}
