using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ModelCatalog;

/// <summary>
/// Scans the raw UTF-8 of syntactically valid JSON without building strings. Backslashes occur only inside strings in
/// valid JSON, so escapes are found without tracking string state; nesting needs it (brackets inside strings do not count).
/// </summary>
internal static class JsonTextScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);

    public static bool FindInvalidText(ReadOnlySpan<byte> utf8, out int offset, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? problem)
    {
        if (!Utf8.IsValid(utf8))
        {
            offset = FirstInvalidUtf8(utf8);
            problem = "invalid UTF-8";
            return true;
        }

        int at = 0;
        while (at < utf8.Length)
        {
            int next = utf8[at..].IndexOf((byte)'\\');
            if (next < 0)
            {
                offset = 0;
                problem = null;
                return false;
            }

            at += next;
            if (at + 6 > utf8.Length || utf8[at + 1] != (byte)'u' || !TryHex4(utf8.Slice(at + 2, 4), out int unit))
            {
                at += 2; // a one-character escape; \\ is consumed whole, so its second backslash starts nothing
                continue;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                var rest = utf8[(at + 6)..];
                if (rest.Length >= 6 && rest[0] == (byte)'\\' && rest[1] == (byte)'u' && TryHex4(rest.Slice(2, 4), out int low) && char.IsLowSurrogate((char)low))
                {
                    at += 12;
                    continue;
                }
            }
            else if (!char.IsLowSurrogate((char)unit))
            {
                at += 6;
                continue;
            }

            offset = at;
            problem = $"an unpaired surrogate escape \\u{unit:x4}";
            return true;
        }

        offset = 0;
        problem = null;
        return false;
    }

    public static int Depth(ReadOnlySpan<byte> utf8)
    {
        int depth = 0, max = 0, at = 0;
        while (at < utf8.Length)
        {
            int next = utf8[at..].IndexOfAny(Structural);
            if (next < 0)
            {
                return max;
            }

            at += next;
            switch (utf8[at])
            {
                case (byte)'"':
                    at = EndOfString(utf8, at + 1);
                    continue;
                case (byte)'{' or (byte)'[':
                    max = Math.Max(max, ++depth);
                    break;
                default:
                    depth--;
                    break;
            }

            at++;
        }

        return max;
    }

    // The index just past the closing quote of a string whose content starts at start.
    private static int EndOfString(ReadOnlySpan<byte> utf8, int start)
    {
        int at = start;
        while (at < utf8.Length)
        {
            int next = utf8[at..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return utf8.Length; // unterminated: not valid JSON, nothing more to count
            }

            at += next;
            if (utf8[at] == (byte)'"')
            {
                return at + 1;
            }

            at += 2;
        }

        return utf8.Length;
    }

    private static bool TryHex4(ReadOnlySpan<byte> digits, out int unit)
        => int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out unit);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int at = 0;
        while (at < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }
}
