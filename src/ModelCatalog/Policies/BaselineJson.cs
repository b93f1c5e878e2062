using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelCatalog;

/// <summary>
/// Writes a conditional field's official value into a <see cref="ModelBaseline"/> and compares a value with a recorded
/// one without allocating (except for <see cref="JsonNode"/>, which is materialised to compare). Called by generated
/// mergers; not meant to be called directly. <see langword="null"/> is recorded as JSON <c>null</c>; the "no ID" value,
/// an undefined <see cref="JsonElement"/> and a JSON <c>null</c> element are recorded as <c>null</c> too. Non-finite
/// floating-point values are recorded as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BaselineJson
{
    /// <summary>Records a string.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Compares a recorded value with a string.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal (ordinal).</returns>
    public static bool StringEquals(JsonElement recorded, string? value)
        => value is null ? recorded.ValueKind == JsonValueKind.Null : recorded.ValueKind == JsonValueKind.String && recorded.ValueEquals(value);

    /// <summary>Compares a recorded value, whose text <see cref="ModelBaseline"/> already decoded, with a string.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="recordedText">The recorded string, when <paramref name="recorded"/> is a JSON string.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal (ordinal).</returns>
    public static bool StringEquals(JsonElement recorded, string? recordedText, string? value)
        => value is null ? recorded.ValueKind == JsonValueKind.Null : recordedText is not null && string.Equals(recordedText, value, StringComparison.Ordinal);

    /// <summary>Records a Boolean.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteBoolean(n, v));

    /// <summary>Compares a recorded value with a Boolean.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool BooleanEquals(JsonElement recorded, bool? value) => recorded.ValueKind switch
    {
        JsonValueKind.True => value == true,
        JsonValueKind.False => value == false,
        JsonValueKind.Null => value is null,
        _ => false,
    };

    /// <summary>Records a signed integer (also an enum, as its underlying value).</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteNumber(n, v));

    /// <summary>Compares a recorded value with a signed integer.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool Int64Equals(JsonElement recorded, long? value)
        => ValueEquals(recorded, value, JsonValueKind.Number, static (JsonElement e, out long r) => e.TryGetInt64(out r));

    /// <summary>Records an unsigned 64-bit integer.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteUInt64(Utf8JsonWriter writer, JsonEncodedText name, ulong? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteNumber(n, v));

    /// <summary>Compares a recorded value with an unsigned 64-bit integer.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool UInt64Equals(JsonElement recorded, ulong? value)
        => ValueEquals(recorded, value, JsonValueKind.Number, static (JsonElement e, out ulong r) => e.TryGetUInt64(out r));

    /// <summary>Records a floating-point number (non-finite values as strings).</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not { } v)
        {
            writer.WriteNull(name);
        }
        else if (double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteString(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Compares a recorded value with a floating-point number (<c>NaN</c> equals <c>NaN</c>).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool DoubleEquals(JsonElement recorded, double? value)
    {
        if (value is not { } v)
        {
            return recorded.ValueKind == JsonValueKind.Null;
        }

        return recorded.ValueKind switch
        {
            JsonValueKind.Number => recorded.TryGetDouble(out var r) && r.Equals(v),
            JsonValueKind.String => !double.IsFinite(v) && recorded.ValueEquals(v.ToString(CultureInfo.InvariantCulture)),
            _ => false,
        };
    }

    /// <summary>Records a decimal.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteNumber(n, v));

    /// <summary>Compares a recorded value with a decimal (by value: <c>1.0</c> equals <c>1.00</c>).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool DecimalEquals(JsonElement recorded, decimal? value)
        => ValueEquals(recorded, value, JsonValueKind.Number, static (JsonElement e, out decimal r) => e.TryGetDecimal(out r));

    /// <summary>Records a <see cref="Guid"/>.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteGuid(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteString(n, v));

    /// <summary>Compares a recorded value with a <see cref="Guid"/>.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool GuidEquals(JsonElement recorded, Guid? value)
        => ValueEquals(recorded, value, JsonValueKind.String, static (JsonElement e, out Guid r) => e.TryGetGuid(out r));

    /// <summary>Records a <see cref="DateTime"/> (ISO 8601, round-trip).</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteString(n, v));

    /// <summary>Compares a recorded value with a <see cref="DateTime"/> (same ticks).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool DateTimeEquals(JsonElement recorded, DateTime? value)
        => ValueEquals(recorded, value, JsonValueKind.String, static (JsonElement e, out DateTime r) => e.TryGetDateTime(out r));

    /// <summary>Records a <see cref="DateTimeOffset"/> (ISO 8601, round-trip).</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
        => WriteValue(writer, name, value, static (w, n, v) => w.WriteString(n, v));

    /// <summary>Compares a recorded value with a <see cref="DateTimeOffset"/> (same instant, like its equality).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool DateTimeOffsetEquals(JsonElement recorded, DateTimeOffset? value)
        => ValueEquals(recorded, value, JsonValueKind.String, static (JsonElement e, out DateTimeOffset r) => e.TryGetDateTimeOffset(out r));

    /// <summary>Records a <see cref="UnifiedModelId"/> (the "no ID" value as <c>null</c>).</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteId(Utf8JsonWriter writer, JsonEncodedText name, UnifiedModelId? value)
        => WriteString(writer, name, value is { IsEmpty: false } v ? v.ToString() : null);

    /// <summary>Compares a recorded value with a <see cref="UnifiedModelId"/> (ordinal).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool IdEquals(JsonElement recorded, UnifiedModelId? value)
        => StringEquals(recorded, value is { IsEmpty: false } v ? v.ToString() : null);

    /// <summary>Compares a recorded value, whose text <see cref="ModelBaseline"/> already decoded, with a <see cref="UnifiedModelId"/>.</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="recordedText">The recorded string, when <paramref name="recorded"/> is a JSON string.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal (ordinal).</returns>
    public static bool IdEquals(JsonElement recorded, string? recordedText, UnifiedModelId? value)
        => StringEquals(recorded, recordedText, value is { IsEmpty: false } v ? v.ToString() : null);

    /// <summary>Records a JSON value.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteJsonElement(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is { ValueKind: not JsonValueKind.Undefined } v)
        {
            v.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Compares a recorded value with a JSON value (deep equality).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool JsonElementEquals(JsonElement recorded, JsonElement? value)
        => value is { ValueKind: not JsonValueKind.Undefined } v
            ? JsonElement.DeepEquals(recorded, v)
            : recorded.ValueKind == JsonValueKind.Null;

    /// <summary>Records a JSON node.</summary>
    /// <param name="writer">The writer, inside the baseline object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteJsonNode(Utf8JsonWriter writer, JsonEncodedText name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Compares a recorded value with a JSON node (deep equality; materialises the recorded value).</summary>
    /// <param name="recorded">The recorded value.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool JsonNodeEquals(JsonElement recorded, JsonNode? value)
    {
        if (
            // Stryker disable once Logical : JsonValue.Create of a null element is null, so the deep comparison below gives the same answer.
            value is null || recorded.ValueKind == JsonValueKind.Null)
        {
            return value is null && recorded.ValueKind == JsonValueKind.Null;
        }

        JsonNode? node = recorded.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(recorded),
            JsonValueKind.Array => JsonArray.Create(recorded),
            _ => JsonValue.Create(recorded),
        };
        return JsonNode.DeepEquals(node, value);
    }

    private delegate bool Reader<T>(JsonElement element, out T value);

    private static void WriteValue<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, JsonEncodedText, T> write)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            write(writer, name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static bool ValueEquals<T>(JsonElement recorded, T? value, JsonValueKind kind, Reader<T> read)
        where T : struct, IEquatable<T>
        => value is { } v
            ? recorded.ValueKind == kind && read(recorded, out var r) && r.Equals(v)
            : recorded.ValueKind == JsonValueKind.Null;
}
