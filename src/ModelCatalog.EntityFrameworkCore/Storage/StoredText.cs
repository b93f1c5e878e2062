using System.Globalization;
using System.Text;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>Quotes stored text that could not be read, safely for a terminal and a log line.</summary>
internal static class StoredText
{
    /// <summary>How many characters of the text an error message quotes.</summary>
    public const int ExcerptLength = 40;

    /// <summary>
    /// The start of <paramref name="text"/>: at most <see cref="ExcerptLength"/> characters, never ending inside a
    /// surrogate pair, control characters and lone surrogates written as <c>\uXXXX</c>, "…" when cut.
    /// </summary>
    public static string Excerpt(string text)
    {
        int length = Math.Min(text.Length, ExcerptLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var excerpt = new StringBuilder(length + 8);
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            bool paired = char.IsSurrogate(c) && i + 1 < text.Length && char.IsSurrogatePair(c, text[i + 1]);
            if (paired)
            {
                excerpt.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                excerpt.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                excerpt.Append(c);
            }
        }

        return length < text.Length ? excerpt.Append('…').ToString() : excerpt.ToString();
    }
}
