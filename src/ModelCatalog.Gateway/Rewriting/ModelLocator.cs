using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// The one scanner behind every rewriter: reads a whole JSON document with <see cref="Utf8JsonReader"/> (so syntax,
/// truncation and trailing data are checked) and records the byte range of the top-level <c>model</c> string.
/// </summary>
internal static class ModelLocator
{
    /// <summary>The nesting limit used for upstream responses and stream events, which the gateway does not police.</summary>
    public const int ResponseMaxDepth = 256;

    private static ReadOnlySpan<byte> ModelKey => "model"u8;

    private static ReadOnlySpan<byte> MessageKey => "message"u8;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Locates the model in a request body: UTF-8 validated, top-level <c>model</c> only, value captured.</summary>
    public static ModelRewriteError LocateRequest(ReadOnlySpan<byte> json, ModelRewriteOptions options, out ModelFieldLocation location, out long position)
    {
        location = default;
        var error = CheckByteOrderMark(json.StartsWith(ByteOrderMark), options, out var offset, out position);
        if (error != ModelRewriteError.None)
        {
            return error;
        }

        var body = json[offset..];
        if (IsInvalidUtf8(Utf8Validation.IndexOfInvalid(body), offset, ref position))
        {
            return ModelRewriteError.InvalidUtf8;
        }

        var reader = new Utf8JsonReader(body, ReaderOptions(options.MaxDepth));
        return LocateBody(ref reader, offset, options, out location, out position);
    }

    /// <summary>Locates the model in a request body held in a sequence.</summary>
    public static ModelRewriteError LocateRequest(in ReadOnlySequence<byte> json, ModelRewriteOptions options, out ModelFieldLocation location, out long position)
    {
        if (json.IsSingleSegment)
        {
            return LocateRequest(json.FirstSpan, options, out location, out position);
        }

        location = default;
        var error = CheckByteOrderMark(StartsWithByteOrderMark(json), options, out var offset, out position);
        if (error != ModelRewriteError.None)
        {
            return error;
        }

        var body = json.Slice(offset);
        if (IsInvalidUtf8(Utf8Validation.IndexOfInvalid(body), offset, ref position))
        {
            return ModelRewriteError.InvalidUtf8;
        }

        var reader = new Utf8JsonReader(body, ReaderOptions(options.MaxDepth));
        return LocateBody(ref reader, offset, options, out location, out position);
    }

    /// <summary>
    /// Locates the model in an upstream response or stream event: the top-level <c>model</c>, else the
    /// <c>message.model</c> of an Anthropic <c>message_start</c>. No UTF-8 check: only the model bytes are replaced.
    /// </summary>
    public static bool LocateResponse(ReadOnlySpan<byte> json, out ModelFieldLocation location)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions(ResponseMaxDepth));
        return Locate(ref reader, ResponseMaxDepth, allowMessageModel: true, captureValue: false, out location, out _) == ModelRewriteError.None;
    }

    /// <summary>Locates the model in an upstream response held in a sequence.</summary>
    public static bool LocateResponse(in ReadOnlySequence<byte> json, out ModelFieldLocation location)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions(ResponseMaxDepth));
        return Locate(ref reader, ResponseMaxDepth, allowMessageModel: true, captureValue: false, out location, out _) == ModelRewriteError.None;
    }

    private static JsonReaderOptions ReaderOptions(int maxDepth) => new()
    {
        // One more than ours, so that our own check (which knows the position) fires first.
        MaxDepth = maxDepth + 1,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static ModelRewriteError CheckByteOrderMark(bool startsWithByteOrderMark, ModelRewriteOptions options, out int offset, out long position)
    {
        position = 0;
        offset = startsWithByteOrderMark ? ByteOrderMark.Length : 0;
        return startsWithByteOrderMark && !options.AllowByteOrderMark ? ModelRewriteError.ByteOrderMark : ModelRewriteError.None;
    }

    private static bool IsInvalidUtf8(long invalidIndex, int offset, ref long position)
    {
        if (invalidIndex < 0)
        {
            return false;
        }

        position = offset + invalidIndex;
        return true;
    }

    private static ModelRewriteError LocateBody(ref Utf8JsonReader reader, int offset, ModelRewriteOptions options, out ModelFieldLocation location, out long position)
    {
        var error = Locate(ref reader, options.MaxDepth, allowMessageModel: false, captureValue: true, out location, out position);
        location = location.Shift(offset);
        position += offset;
        return error;
    }

    private static bool StartsWithByteOrderMark(in ReadOnlySequence<byte> json)
    {
        Span<byte> head = stackalloc byte[3];
        if (json.Length < head.Length)
        {
            return false;
        }

        json.Slice(0, head.Length).CopyTo(head);
        return head.SequenceEqual(ByteOrderMark);
    }

    private static ModelRewriteError Locate(ref Utf8JsonReader reader, int maxDepth, bool allowMessageModel, bool captureValue, out ModelFieldLocation location, out long position)
    {
        location = default;
        position = 0;
        ModelFieldLocation top = default;
        ModelFieldLocation nested = default;
        bool inMessage = false, messageSeen = false, nestedAmbiguous = false;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Read the rest so that invalid JSON is reported as such rather than as "not an object".
                reader.Skip();
                while (reader.Read())
                {
                }

                return ModelRewriteError.NotAnObject;
            }

            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        position = reader.TokenStartIndex;
                        return ModelRewriteError.TooDeep;
                    case JsonTokenType.EndObject when inMessage && reader.CurrentDepth == 1:
                        inMessage = false;
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        if (reader.ValueTextEquals(ModelKey))
                        {
                            position = reader.TokenStartIndex;
                            if (top.IsFound)
                            {
                                return ModelRewriteError.DuplicateModel;
                            }

                            reader.Read();
                            if (reader.TokenType != JsonTokenType.String)
                            {
                                position = reader.TokenStartIndex;
                                return ModelRewriteError.ModelNotString;
                            }

                            top = Capture(ref reader, captureValue);
                        }
                        else if (allowMessageModel && reader.ValueTextEquals(MessageKey))
                        {
                            nestedAmbiguous |= messageSeen;
                            messageSeen = true;
                            reader.Read();
                            if (IsTooDeep(ref reader, maxDepth, ref position))
                            {
                                return ModelRewriteError.TooDeep;
                            }

                            inMessage = reader.TokenType == JsonTokenType.StartObject;
                        }

                        break;
                    case JsonTokenType.PropertyName when inMessage && reader.CurrentDepth == 2 && reader.ValueTextEquals(ModelKey):
                        nestedAmbiguous |= nested.IsFound;
                        reader.Read();
                        if (IsTooDeep(ref reader, maxDepth, ref position))
                        {
                            return ModelRewriteError.TooDeep;
                        }

                        if (reader.TokenType == JsonTokenType.String)
                        {
                            nested = Capture(ref reader, captureValue);
                        }
                        else
                        {
                            nestedAmbiguous = true;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports malformed input only by throwing; its position is where it stopped.
            position = reader.BytesConsumed;
            return ModelRewriteError.InvalidJson;
        }
        catch (InvalidOperationException)
        {
            // The model string escapes an unpaired surrogate (\ud800): it has no text, so no model can be named.
            position = reader.TokenStartIndex;
            return ModelRewriteError.InvalidJson;
        }

        if (top.IsFound)
        {
            location = top;
            return ModelRewriteError.None;
        }

        if (nested.IsFound && !nestedAmbiguous)
        {
            location = nested;
            return ModelRewriteError.None;
        }

        return ModelRewriteError.MissingModel;
    }

    private static bool IsTooDeep(ref Utf8JsonReader reader, int maxDepth, ref long position)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
        {
            position = reader.TokenStartIndex;
            return true;
        }

        return false;
    }

    private static ModelFieldLocation Capture(ref Utf8JsonReader reader, bool captureValue)
    {
        var start = reader.TokenStartIndex;
        return new ModelFieldLocation(start, reader.BytesConsumed - start, captureValue ? reader.GetString() : null);
    }
}
