using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// Finds the model in request bodies (checked strictly: byte order mark, UTF-8, JSON) and in upstream responses
/// (top-level <c>model</c>, else <c>message.model</c>), with <see cref="JsonModelScanner"/> over contiguous bytes.
/// A multi-segment sequence is copied once into a pooled buffer.
/// </summary>
internal static class ModelLocator
{
    /// <summary>The nesting limit used for upstream responses and stream events, which the gateway does not police.</summary>
    public const int ResponseMaxDepth = 256;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Locates the model in a request body: UTF-8 validated, top-level <c>model</c> only, value read.</summary>
    public static ModelRewriteError LocateRequest(ReadOnlySpan<byte> json, ModelRewriteOptions options, out ModelFieldLocation location, out long position)
    {
        location = default;
        var offset = json.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        if (offset > 0 && !options.AllowByteOrderMark)
        {
            position = 0;
            return ModelRewriteError.ByteOrderMark;
        }

        var body = json[offset..];
        var invalid = Utf8Validation.IndexOfInvalid(body);
        if (invalid >= 0)
        {
            position = offset + invalid;
            return ModelRewriteError.InvalidUtf8;
        }

        var error = JsonModelScanner.Scan(body, options.MaxDepth, allowMessageModel: false, out var start, out var end, out var at);
        position = offset + at;
        if (error != ModelRewriteError.None)
        {
            return error;
        }

        if (!TryReadString(body[start..end], out var value))
        {
            position = offset + start;
            return ModelRewriteError.UnpairedSurrogate;
        }

        location = new ModelFieldLocation(offset + start, end - start, value);
        return ModelRewriteError.None;
    }

    /// <summary>Locates the model in a request body held in a sequence.</summary>
    public static ModelRewriteError LocateRequest(in ReadOnlySequence<byte> json, ModelRewriteOptions options, out ModelFieldLocation location, out long position)
    {
        if (json.IsSingleSegment)
        {
            return LocateRequest(json.FirstSpan, options, out location, out position);
        }

        var buffer = RentCopy(json);
        try
        {
            return LocateRequest(buffer.AsSpan(0, (int)json.Length), options, out location, out position);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Locates the model in an upstream response or stream event: the top-level <c>model</c>, else the
    /// <c>message.model</c> of an Anthropic <c>message_start</c>. No UTF-8 check: only the model bytes are replaced.
    /// </summary>
    public static bool LocateResponse(ReadOnlySpan<byte> json, out ModelFieldLocation location)
    {
        var found = JsonModelScanner.Scan(json, ResponseMaxDepth, allowMessageModel: true, out var start, out var end, out _) == ModelRewriteError.None;
        location = found ? new ModelFieldLocation(start, end - start, null) : default;
        return found;
    }

    /// <summary>Locates the model in an upstream response held in a sequence.</summary>
    public static bool LocateResponse(in ReadOnlySequence<byte> json, out ModelFieldLocation location)
    {
        if (json.IsSingleSegment)
        {
            return LocateResponse(json.FirstSpan, out location);
        }

        var buffer = RentCopy(json);
        try
        {
            return LocateResponse(buffer.AsSpan(0, (int)json.Length), out location);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] RentCopy(in ReadOnlySequence<byte> json)
    {
        if (json.Length > Array.MaxLength)
        {
            throw new ArgumentException("The body is longer than an array can hold.", nameof(json));
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)json.Length);
        json.CopyTo(buffer);
        return buffer;
    }

    /// <summary>Reads a validated string token; fails only for an escaped unpaired surrogate, which has no text.</summary>
    private static bool TryReadString(ReadOnlySpan<byte> token, out string? value)
    {
        var content = token[1..^1];
        if (!content.Contains((byte)'\\'))
        {
            value = Encoding.UTF8.GetString(content);
            return true;
        }

        var reader = new Utf8JsonReader(token);
        reader.Read();
        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }
}
