using System.Globalization;
using System.Text;

namespace ModelCatalog.Tests.Ids;

/// <summary>
/// Writes awkward inputs readably in test tables (and so in test names): <c>\uD800</c> is one UTF-16 code unit,
/// <c>\xFF</c> one raw byte (UTF-8 inputs only) and <c>{a*65}</c> repeats its inner notation 65 times.
/// </summary>
public static class Notation
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text the notation stands for; raw bytes are not allowed.</summary>
    public static string Text(string notation)
    {
        var builder = new StringBuilder();
        Expand(notation, builder, bytes: null);
        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes the notation stands for: text encoded as UTF-8, <c>\xHH</c> as the raw byte.</summary>
    public static byte[] Utf8(string notation)
    {
        var bytes = new List<byte>();
        var pending = new StringBuilder();
        Expand(notation, pending, bytes);
        Flush(pending, bytes);
        return [.. bytes];
    }

    private static void Expand(string notation, StringBuilder text, List<byte>? bytes)
    {
        for (int i = 0; i < notation.Length; i++)
        {
            char c = notation[i];
            if (c == '\\' && i + 1 < notation.Length && notation[i + 1] == 'u')
            {
                text.Append((char)int.Parse(notation.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (c == '\\' && i + 1 < notation.Length && notation[i + 1] == 'x')
            {
                if (bytes is null)
                {
                    throw new ArgumentException("Raw bytes (\\x) only exist in UTF-8 notation.", nameof(notation));
                }

                Flush(text, bytes);
                bytes.Add(byte.Parse(notation.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else if (c == '{')
            {
                int close = notation.IndexOf('}', i);
                int star = notation.LastIndexOf('*', close);
                string inner = notation[(i + 1)..star];
                int count = int.Parse(notation.AsSpan(star + 1, close - star - 1), CultureInfo.InvariantCulture);
                for (int n = 0; n < count; n++)
                {
                    Expand(inner, text, bytes);
                }

                i = close;
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder pending, List<byte> bytes)
    {
        bytes.AddRange(StrictUtf8.GetBytes(pending.ToString()));
        pending.Clear();
    }
}
