using System.Buffers;
using System.Text;
using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Output;

/// <summary>
/// A field value as a person reads it in a table: compact JSON with numbers normalised (<c>0.4</c>, not the
/// <c>0.4000000</c> a database column's scale gives back). <c>--json</c> output never goes through here.
/// </summary>
internal static class DisplayValue
{
    public const string None = "(none)";

    public static string Of(object? value) => value is null ? None : FromJson(FieldValueJson.Format(value));

    public static string FromJson(string json)
    {
        if (json is "null" or "")
        {
            return None;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var buffer = new ArrayBufferWriter<byte>(utf8.Length);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                while (reader.Read())
                {
                    Copy(ref reader, writer);
                }
            }
        }
        catch (JsonException)
        {
            return json; // history written by another version may hold anything; show it as it is
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The decimal with its trailing zeros dropped: 0.4000000 → 0.4, 10.0 → 10.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
            case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
            case JsonTokenType.Number when reader.TryGetDecimal(out decimal number):
                writer.WriteNumberValue(Normalize(number));
                break;
            default:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
        }
    }
}
