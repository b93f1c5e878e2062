using System.Globalization;
using System.Text;

namespace ModelCatalog.Internal;

/// <summary>
/// Quotes untrusted text in an error message. Linked as source into each library that quotes (internal in each), so the
/// rule is written once without a public API for it.
/// </summary>
internal static class TextExcerpt
{
    /// <summary>
    /// The input as it may be quoted in an error message: at most <paramref name="maxLength"/> characters (a hostile
    /// 1 MB value must not land in a log line whole, and the cut never splits a surrogate pair), "…" when cut, with
    /// control, white-space other than the space, and unpaired surrogate characters written as <c>\uXXXX</c> so that
    /// the message stays one readable line.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> input, int maxLength)
    {
        bool cut = input.Length > maxLength;
        if (cut)
        {
            input = input[..(char.IsHighSurrogate(input[maxLength - 1]) ? maxLength - 1 : maxLength)];
        }

        var builder = new StringBuilder(input.Length + 8);
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]);
            if (pair)
            {
                builder.Append(c).Append(input[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' '))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }
}
