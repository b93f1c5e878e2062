using ModelCatalog.Internal;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>Quotes stored text that could not be read, safely for a terminal and a log line.</summary>
internal static class StoredText
{
    /// <summary>How many characters of the text an error message quotes.</summary>
    public const int ExcerptLength = 40;

    /// <summary>The start of <paramref name="text"/>, at most <see cref="ExcerptLength"/> characters, escaped (<see cref="TextExcerpt"/>).</summary>
    public static string Excerpt(string text) => TextExcerpt.Quote(text, ExcerptLength);
}
