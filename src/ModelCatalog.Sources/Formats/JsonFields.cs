using System.Globalization;
using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Reads optional fields of an upstream record leniently where the data is known to vary (numbers written as
/// strings) and strictly otherwise: a value of the wrong kind is an error that rejects the entry, never a guess.
/// </summary>
internal static class JsonFields
{
    public static bool TryDecimal(JsonElement record, string name, out decimal? value, ref string? error)
    {
        value = null;
        if (!record.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return TryDecimalValue(element, name, out value, ref error);
    }

    public static bool TryDecimalValue(JsonElement element, string name, out decimal? value, ref string? error)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                value = number;
                return true;
            case JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                error ??= $"field '{name}' is {Describe(element)}, not a number";
                return false;
        }
    }

    public static bool TryInt(JsonElement record, string name, out int? value, ref string? error)
    {
        value = null;
        if (!TryDecimal(record, name, out var number, ref error))
        {
            return false;
        }

        if (number is null)
        {
            return true;
        }

        if (number != decimal.Truncate(number.Value) || number < int.MinValue || number > int.MaxValue)
        {
            error ??= $"field '{name}' is {number.Value.ToString(CultureInfo.InvariantCulture)}, not a whole number in range";
            return false;
        }

        value = (int)number.Value;
        return true;
    }

    public static bool TryString(JsonElement record, string name, out string? value, ref string? error)
    {
        value = null;
        if (!record.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error ??= $"field '{name}' is {Describe(element)}, not a string";
            return false;
        }

        value = element.GetString();
        return true;
    }

    public static bool TryBool(JsonElement record, string name, out bool? value, ref string? error)
    {
        value = null;
        if (!record.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            error ??= $"field '{name}' is {Describe(element)}, not true or false";
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    public static bool TryObject(JsonElement record, string name, out JsonElement? value, ref string? error)
    {
        value = null;
        if (!record.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error ??= $"field '{name}' is {Describe(element)}, not an object";
            return false;
        }

        value = element.Clone();
        return true;
    }

    // A price per million tokens from a price per token; a value too large for decimal rejects the entry.
    public static bool TryPerMillion(decimal? perToken, string name, out decimal? perMillion, ref string? error)
    {
        perMillion = null;
        if (perToken is not { } value)
        {
            return true;
        }

        if (Math.Abs(value) > decimal.MaxValue / 1_000_000m)
        {
            error ??= $"field '{name}' is {value.ToString(CultureInfo.InvariantCulture)}, too large for a price";
            return false;
        }

        perMillion = value * 1_000_000m;
        return true;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(element.GetString())}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Shorten(string? text) => text is null || text.Length <= 40 ? text ?? string.Empty : string.Concat(text.AsSpan(0, 40), "…");
}
