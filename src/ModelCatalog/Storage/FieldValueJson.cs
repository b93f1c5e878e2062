using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelCatalog.Storage;

/// <summary>
/// Writes a field value as JSON without reflection: the types catalog models use (strings, numbers, booleans, dates,
/// GUIDs, enums, <see cref="UnifiedModelId"/>, the structured official values (<see cref="ModelPricing"/>,
/// <see cref="ModelCapabilities"/>, <see cref="ModelLifecycle"/>, in the <see cref="ModelCatalogJsonContext"/> shape), <see cref="JsonElement"/>, <see cref="JsonNode"/>, sequences and
/// string-keyed dictionaries of those). Anything else is written as its invariant string form.
/// </summary>
public static class FieldValueJson
{
    /// <summary>Formats a value as compact JSON text.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>JSON text, <c>null</c> for a null value.</returns>
    public static string Format(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        // Relaxed escaping keeps non-ASCII text readable in history and reports; the output is still valid JSON.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a value as JSON.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case short or byte or sbyte or ushort: writer.WriteNumberValue(Convert.ToInt32(value, CultureInfo.InvariantCulture)); break;
            case uint or ulong: writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case UnifiedModelId id: if (id.IsEmpty) { writer.WriteNullValue(); } else { writer.WriteStringValue(id.ToString()); } break;
            case JsonElement element: element.WriteTo(writer); break;
            case JsonNode node: node.WriteTo(writer); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto); break;
            case DateTime dt: writer.WriteStringValue(dt); break;
            case Guid g: writer.WriteStringValue(g); break;
            case Enum e: writer.WriteStringValue(e.ToString()); break;
            case ModelPricing pricing: JsonSerializer.Serialize(writer, pricing, ModelCatalogJsonContext.Default.ModelPricing); break;
            case ModelCapabilities capabilities: JsonSerializer.Serialize(writer, capabilities, ModelCatalogJsonContext.Default.ModelCapabilities); break;
            case ModelLifecycle lifecycle: JsonSerializer.Serialize(writer, lifecycle, ModelCatalogJsonContext.Default.ModelLifecycle); break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (object? item in sequence)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable: writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
