using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelCatalog;

/// <summary>
/// Reads and writes a <see cref="UnifiedModelId"/> as its plain JSON string, also as a dictionary key. The
/// "no ID" value is written as JSON <c>null</c> and read back from it. A bad value fails with a
/// <see cref="JsonException"/> that names the reason and the position.
/// </summary>
public sealed class UnifiedModelIdJsonConverter : JsonConverter<UnifiedModelId>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override UnifiedModelId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.Null => default,
            JsonTokenType.String => ReadString(ref reader),
            _ => throw new JsonException($"A unified model ID must be a JSON string, not {reader.TokenType}."),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, UnifiedModelId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsEmpty)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc/>
    public override UnifiedModelId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadString(ref reader);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, UnifiedModelId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsEmpty)
        {
            throw new JsonException("The \"no ID\" value (default UnifiedModelId) cannot be a JSON property name.");
        }

        writer.WritePropertyName(value.ToString());
    }

    private static UnifiedModelId ReadString(ref Utf8JsonReader reader)
    {
        UnifiedModelId id;
        UnifiedModelIdError error;
        int position;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            // The common case: parse the UTF-8 bytes in place; the only allocation is the string the ID keeps.
            if (UnifiedModelId.TryParse(reader.ValueSpan, out id, out error, out position))
            {
                return id;
            }
        }
        else if (UnifiedModelId.TryParse(reader.GetString(), out id, out error, out position))
        {
            return id;
        }

        // Failure path: positions from the UTF-8 path are byte offsets, so report them against the decoded text.
        string text = reader.GetString() ?? string.Empty;
        _ = UnifiedModelId.TryParse(text, out _, out error, out position);
        string shown = text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");
        throw new JsonException($"Invalid unified model ID '{shown}': {error.Describe(position)}.");
    }
}
