using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ModelCatalog.Gateway;

/// <summary>
/// A validating, allocation-free JSON scanner for contiguous bodies: checks the whole RFC 8259 grammar (strings and
/// their escapes, numbers, literals, nesting) and records the byte range of the top-level <c>model</c> string (and of
/// <c>message.model</c> when asked). String contents are skipped with a vectorised search, so long message texts cost
/// little more than a memory scan.
/// </summary>
/// <remarks>
/// It accepts exactly the documents <see cref="System.Text.Json.Utf8JsonReader"/> accepts with comments and trailing
/// commas disallowed; the tests check both against each other. UTF-8 well-formedness is checked separately.
/// </remarks>
internal static class JsonModelScanner
{
    private const byte Object = 1;
    private const byte Array = 2;

    private static ReadOnlySpan<byte> QuotedModel => "\"model\""u8;

    private static ReadOnlySpan<byte> QuotedMessage => "\"message\""u8;

    private static ReadOnlySpan<byte> QuotedResponse => "\"response\""u8;

    /// <summary>Scans <paramref name="json"/>; on success <paramref name="start"/>/<paramref name="end"/> bound the model token.</summary>
    /// <param name="json">The document.</param>
    /// <param name="maxDepth">The nesting limit.</param>
    /// <param name="allowMessageModel">
    /// Without a top-level <c>model</c>, take the <c>model</c> of the one top-level <c>message</c> (Anthropic
    /// <c>message_start</c>) or <c>response</c> (OpenAI Responses API events) object; two such wrappers are ambiguous.
    /// </param>
    /// <param name="start">The offset of the model token's opening quote.</param>
    /// <param name="end">The offset after its closing quote.</param>
    /// <param name="position">Where a rejection was found.</param>
    public static ModelRewriteError Scan(ReadOnlySpan<byte> json, int maxDepth, bool allowMessageModel, out int start, out int end, out int position)
    {
        start = end = -1;
        var unpairedKey = -1; // a top-level key with an escaped unpaired surrogate: reported once the document is known valid
        int nestedStart = -1, nestedEnd = -1;
        bool nestedAmbiguous = false, messageSeen = false, inMessage = false;
        byte pending = 0; // 1: top-level model value, 2: message value, 3: message.model value
        Span<byte> stack = maxDepth <= 256 ? stackalloc byte[256] : new byte[maxDepth];
        var depth = 0;
        var pos = SkipWhiteSpace(json, 0);
        if (pos < json.Length && json[pos] != (byte)'{')
        {
            // Not an object: still tell invalid JSON apart from a valid non-object.
            pending = 4;
        }

    Value:
        pos = SkipWhiteSpace(json, pos);
        if (pos >= json.Length)
        {
            goto Invalid;
        }

        var valueStart = pos;
        var c = json[pos];
        if (pending == 1 && c != (byte)'"')
        {
            position = pos;
            return ModelRewriteError.ModelNotString;
        }

        if (pending == 3 && c != (byte)'"')
        {
            nestedAmbiguous = true;
        }

        switch (c)
        {
            case (byte)'{':
            case (byte)'[':
                if (depth >= maxDepth)
                {
                    position = pos;
                    return ModelRewriteError.TooDeep;
                }

                stack[depth++] = c == (byte)'{' ? Object : Array;
                inMessage |= pending == 2 && c == (byte)'{';
                pending = pending == 4 ? (byte)4 : (byte)0;
                pos = SkipWhiteSpace(json, pos + 1);
                if (pos >= json.Length)
                {
                    goto Invalid;
                }

                if (json[pos] == (c == (byte)'{' ? (byte)'}' : (byte)']'))
                {
                    pos++;
                    depth--;
                    inMessage &= depth != 1;
                    goto AfterValue;
                }

                if (c == (byte)'{')
                {
                    goto Member;
                }

                goto Value;
            case (byte)'"':
                pos = SkipString(json, pos);
                if (pos < 0)
                {
                    pos = ~pos;
                    goto Invalid;
                }

                if (pending == 1)
                {
                    start = valueStart;
                    end = pos;
                }
                else if (pending == 3)
                {
                    (nestedStart, nestedEnd) = (valueStart, pos);
                }

                break;
            case (byte)'t':
                pos = SkipLiteral(json, pos, "true"u8);
                break;
            case (byte)'f':
                pos = SkipLiteral(json, pos, "false"u8);
                break;
            case (byte)'n':
                pos = SkipLiteral(json, pos, "null"u8);
                break;
            default:
                pos = SkipNumber(json, pos);
                break;
        }

        if (pos < 0)
        {
            pos = ~pos;
            goto Invalid;
        }

        pending = pending == 4 ? (byte)4 : (byte)0;

    AfterValue:
        pos = SkipWhiteSpace(json, pos);
        if (depth == 0)
        {
            if (pos != json.Length)
            {
                goto Invalid;
            }

            goto Done;
        }

        if (pos >= json.Length)
        {
            goto Invalid;
        }

        c = json[pos];
        var container = stack[depth - 1];
        if (c == (byte)',')
        {
            pos++;
            if (container == Object)
            {
                goto Member;
            }

            goto Value;
        }

        if ((c == (byte)'}' && container == Object) || (c == (byte)']' && container == Array))
        {
            pos++;
            depth--;
            inMessage &= depth != 1;
            goto AfterValue;
        }

        goto Invalid;

    Member:
        pos = SkipWhiteSpace(json, pos);
        if (pos >= json.Length || json[pos] != (byte)'"')
        {
            goto Invalid;
        }

        var keyStart = pos;
        pos = SkipString(json, pos);
        if (pos < 0)
        {
            pos = ~pos;
            goto Invalid;
        }

        var key = json[keyStart..pos];
        pos = SkipWhiteSpace(json, pos);
        if (pos >= json.Length || json[pos] != (byte)':')
        {
            goto Invalid;
        }

        pos++;
        if (pending != 4 && depth == 1)
        {
            if (unpairedKey < 0 && HasUnpairedSurrogateEscape(key))
            {
                unpairedKey = keyStart;
            }

            if (KeyEquals(key, QuotedModel))
            {
                if (start >= 0)
                {
                    position = keyStart;
                    return ModelRewriteError.DuplicateModel;
                }

                pending = 1;
            }
            else if (allowMessageModel && (KeyEquals(key, QuotedMessage) || KeyEquals(key, QuotedResponse)))
            {
                nestedAmbiguous |= messageSeen;
                messageSeen = true;
                pending = 2;
            }
        }
        else if (inMessage && depth == 2 && KeyEquals(key, QuotedModel))
        {
            nestedAmbiguous |= nestedStart >= 0;
            pending = 3;
        }

        goto Value;

    Done:
        position = 0;
        if (pending == 4)
        {
            return ModelRewriteError.NotAnObject;
        }

        if (unpairedKey >= 0)
        {
            // Another parser may drop or replace the lone surrogate and read this key as another one, even as "model".
            position = unpairedKey;
            return ModelRewriteError.UnpairedSurrogate;
        }

        if (start >= 0)
        {
            return ModelRewriteError.None;
        }

        if (nestedStart >= 0 && !nestedAmbiguous)
        {
            (start, end) = (nestedStart, nestedEnd);
            return ModelRewriteError.None;
        }

        return ModelRewriteError.MissingModel;

    Invalid:
        position = Math.Min(pos, json.Length);
        return ModelRewriteError.InvalidJson;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int pos)
    {
        while (pos < json.Length && json[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    /// <summary>Skips the string starting with the quote at <paramref name="pos"/>; returns the offset after its closing quote, or the complement of the error offset.</summary>
    private static int SkipString(ReadOnlySpan<byte> json, int pos)
    {
        pos++;
        while (true)
        {
            pos = IndexOfSpecial(json, pos);
            if (pos >= json.Length)
            {
                return ~json.Length;
            }

            var b = json[pos];
            if (b == (byte)'"')
            {
                return pos + 1;
            }

            if (b != (byte)'\\' || pos + 1 >= json.Length)
            {
                return ~pos;
            }

            switch (json[pos + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    pos += 2;
                    break;
                case (byte)'u' when pos + 5 < json.Length && IsHex(json[pos + 2]) && IsHex(json[pos + 3]) && IsHex(json[pos + 4]) && IsHex(json[pos + 5]):
                    pos += 6;
                    break;
                default:
                    return ~pos;
            }
        }
    }

    /// <summary>The offset of the first '"', '\\' or control character at or after <paramref name="pos"/>, or the length.</summary>
    /// <remarks>
    /// 16 bytes at a time, then 32 where 256-bit vectors are fast: short keys end in the first block, long texts
    /// stream through without calls.
    /// </remarks>
    private static int IndexOfSpecial(ReadOnlySpan<byte> json, int pos)
    {
        if (Vector256.IsHardwareAccelerated && pos + Vector128<byte>.Count <= json.Length)
        {
            // Most keys and short values end within 16 bytes: look there first, then stride 32.
            var block = Vector128.Create(json.Slice(pos, Vector128<byte>.Count));
            var mask = (Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\')) | Vector128.LessThan(block, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
            if (mask != 0)
            {
                return pos + BitOperations.TrailingZeroCount(mask);
            }

            pos += Vector128<byte>.Count;
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)0x20);
            while (pos + Vector256<byte>.Count <= json.Length)
            {
                var wide = Vector256.Create(json.Slice(pos, Vector256<byte>.Count));
                var found = (Vector256.Equals(wide, quote) | Vector256.Equals(wide, backslash) | Vector256.LessThan(wide, space)).ExtractMostSignificantBits();
                if (found != 0)
                {
                    return pos + BitOperations.TrailingZeroCount(found);
                }

                pos += Vector256<byte>.Count;
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)0x20);
            while (pos + Vector128<byte>.Count <= json.Length)
            {
                var block = Vector128.Create(json.Slice(pos, Vector128<byte>.Count));
                var mask = (Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | Vector128.LessThan(block, space)).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return pos + BitOperations.TrailingZeroCount(mask);
                }

                pos += Vector128<byte>.Count;
            }
        }

        while (pos < json.Length && json[pos] >= 0x20 && json[pos] != (byte)'"' && json[pos] != (byte)'\\')
        {
            pos++;
        }

        return pos;
    }

    private static int SkipLiteral(ReadOnlySpan<byte> json, int pos, ReadOnlySpan<byte> literal)
        => json[pos..].StartsWith(literal) ? EndOfToken(json, pos + literal.Length) : ~pos;

    /// <summary>Skips <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private static int SkipNumber(ReadOnlySpan<byte> json, int pos)
    {
        var start = pos;
        if (pos < json.Length && json[pos] == (byte)'-')
        {
            pos++;
        }

        if (pos >= json.Length || !char.IsAsciiDigit((char)json[pos]))
        {
            return ~start;
        }

        if (json[pos] == (byte)'0')
        {
            pos++;
        }
        else
        {
            pos = SkipDigits(json, pos);
        }

        if (pos < json.Length && json[pos] == (byte)'.')
        {
            var digits = SkipDigits(json, pos + 1);
            if (digits == pos + 1)
            {
                return ~digits;
            }

            pos = digits;
        }

        if (pos < json.Length && (json[pos] | 0x20) == (byte)'e')
        {
            pos++;
            if (pos < json.Length && json[pos] is (byte)'+' or (byte)'-')
            {
                pos++;
            }

            var digits = SkipDigits(json, pos);
            if (digits == pos)
            {
                return ~digits;
            }

            pos = digits;
        }

        return EndOfToken(json, pos);
    }

    /// <summary>A number or literal must be followed by a delimiter or the end, not by more characters ("1x", "01", "truex").</summary>
    private static int EndOfToken(ReadOnlySpan<byte> json, int pos)
        => pos < json.Length && json[pos] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') ? ~pos : pos;

    private static int SkipDigits(ReadOnlySpan<byte> json, int pos)
    {
        while (pos < json.Length && char.IsAsciiDigit((char)json[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    /// <summary>Whether the quoted, possibly escaped <paramref name="key"/> reads as the quoted ASCII <paramref name="quoted"/>.</summary>
    private static bool KeyEquals(ReadOnlySpan<byte> key, ReadOnlySpan<byte> quoted)
    {
        if (key.SequenceEqual(quoted))
        {
            return true;
        }

        // Each character is at most 6 escaped bytes (\u006d); anything longer cannot match.
        if (key.Length > 6 * (quoted.Length - 2) + 2 || key.IndexOf((byte)'\\') < 0)
        {
            return false;
        }

        var expected = quoted[1..^1];
        var i = 1;
        foreach (var want in expected)
        {
            if (i >= key.Length - 1)
            {
                return false;
            }

            int got;
            if (key[i] != (byte)'\\')
            {
                got = key[i++];
            }
            else if (key[i + 1] == (byte)'u')
            {
                got = HexValue(key[i + 2]) << 12 | HexValue(key[i + 3]) << 8 | HexValue(key[i + 4]) << 4 | HexValue(key[i + 5]);
                i += 6;
            }
            else
            {
                got = key[i + 1] == (byte)'/' ? '/' : -1; // the other escapes are never letters
                i += 2;
            }

            if (got != want)
            {
                return false;
            }
        }

        return i == key.Length - 1;
    }

    /// <summary>Whether a validated string token holds a <c>\uD800</c>–<c>\uDFFF</c> escape that is not a high-low pair.</summary>
    internal static bool HasUnpairedSurrogateEscape(ReadOnlySpan<byte> token)
    {
        var i = token.IndexOf((byte)'\\');
        if (i < 0)
        {
            return false;
        }

        var expectLow = false;
        while (i < token.Length - 1)
        {
            if (token[i] != (byte)'\\')
            {
                if (expectLow)
                {
                    return true;
                }

                i++;
                continue;
            }

            if (token[i + 1] != (byte)'u')
            {
                if (expectLow)
                {
                    return true;
                }

                i += 2;
                continue;
            }

            var unit = HexValue(token[i + 2]) << 12 | HexValue(token[i + 3]) << 8 | HexValue(token[i + 4]) << 4 | HexValue(token[i + 5]);
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != isLow)
            {
                return true;
            }

            expectLow = isHigh;
            i += 6;
        }

        return expectLow; // a high surrogate escape right before the closing quote
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
