using System.Buffers;
using System.Text;
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
        if (reader.ValueIsEscaped)
        {
            // Escapes must be decoded first; a lone surrogate escape (\ud800) cannot even become a string.
            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException exception)
            {
                throw new JsonException(
                    "Invalid unified model ID: the JSON string escapes an unpaired surrogate, which no unified model ID may contain.",
                    exception);
            }

            return UnifiedModelId.TryParse(text, out var id, out var error, out int position) ? id : throw Failure(text, error, position);
        }

        if (!reader.HasValueSequence)
        {
            // The common case: parse the UTF-8 bytes in place; the only allocation is the string the ID keeps.
            return ReadUtf8(reader.ValueSpan);
        }

        // A value split across buffer segments: gather it, on the stack when it is short enough to be valid.
        const int stackLimit = 1024;
        long length = reader.ValueSequence.Length;
        byte[]? rented = length > stackLimit ? ArrayPool<byte>.Shared.Rent(checked((int)length)) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[stackLimit];
            buffer = buffer[..(int)length];
            reader.ValueSequence.CopyTo(buffer);
            return ReadUtf8(buffer);
        }
        finally
        {
            if (rented is not null)
            {
                // Stryker disable once Statement : returning the buffer to the pool only saves memory; nothing reads it again.
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static UnifiedModelId ReadUtf8(ReadOnlySpan<byte> utf8)
    {
        if (UnifiedModelId.TryParse(utf8, out var id, out var error, out int position))
        {
            return id;
        }

        if (error == UnifiedModelIdError.InvalidUtf8)
        {
            throw new JsonException($"Invalid unified model ID: {error.Describe(position)} of the JSON string.");
        }

        // Positions from the UTF-8 path are byte offsets: report them against the decoded text, in characters. The
        // bytes may still hold invalid UTF-8 after the reported error; decoding replaces it and never throws.
        string text = Encoding.UTF8.GetString(utf8);
        _ = UnifiedModelId.TryParse(text, out _, out error, out position);
        throw Failure(text, error, position);
    }

    private static JsonException Failure(string text, UnifiedModelIdError error, int position)
        => new($"Invalid unified model ID '{UnifiedModelIdParser.Quote(text)}': {error.Describe(position)}.");
}
