using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>Copies a body to the output with one byte range replaced by a quoted, already escaped JSON string.</summary>
internal static class ModelBodyWriter
{
    public static void Write(ReadOnlySpan<byte> json, in ModelFieldLocation location, JsonEncodedText model, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckLocation(location, json.Length);
        output.Write(json[..(int)location.Start]);
        WriteQuoted(model.EncodedUtf8Bytes, output);
        output.Write(json[(int)location.End..]);
    }

    public static void Write(in ReadOnlySequence<byte> json, in ModelFieldLocation location, JsonEncodedText model, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckLocation(location, json.Length);
        Copy(json.Slice(0, location.Start), output);
        WriteQuoted(model.EncodedUtf8Bytes, output);
        Copy(json.Slice(location.End), output);
    }

    public static void Copy(in ReadOnlySequence<byte> source, IBufferWriter<byte> output)
    {
        foreach (var segment in source)
        {
            output.Write(segment.Span);
        }
    }

    private static void WriteQuoted(ReadOnlySpan<byte> encoded, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(encoded.Length + 2);
        span[0] = (byte)'"';
        encoded.CopyTo(span[1..]);
        span[encoded.Length + 1] = (byte)'"';
        output.Advance(encoded.Length + 2);
    }

    private static void CheckLocation(in ModelFieldLocation location, long bodyLength)
    {
        if (!location.IsFound || location.End > bodyLength)
        {
            throw new ArgumentException("The location was not found in this body.", nameof(location));
        }
    }
}
