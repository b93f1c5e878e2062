namespace ModelCatalog.Readme.Tests;

/// <summary>One ```csharp block of a Markdown file: its code and the 1-based line of the file its first code line is on.</summary>
internal sealed record ReadmeSnippet(int FirstLine, string Code)
{
    private const string Opening = "```csharp";
    private const string Fence = "```";

    /// <summary>Every ```csharp block of <paramref name="markdown"/>, in order; blocks of any other language are left out.</summary>
    public static IReadOnlyList<ReadmeSnippet> FindAll(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var snippets = new List<ReadmeSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(Fence, StringComparison.Ordinal))
            {
                continue;
            }

            var isCSharp = lines[i].TrimEnd() == Opening;
            var first = i + 1;
            var end = first;
            while (end < lines.Length && !lines[end].StartsWith(Fence, StringComparison.Ordinal))
            {
                end++;
            }

            if (isCSharp)
            {
                snippets.Add(new ReadmeSnippet(first + 1, string.Join('\n', lines[first..end])));
            }

            i = end; // the closing fence; an unclosed block runs to the end of the file
        }

        return snippets;
    }

    /// <inheritdoc/>
    public override string ToString() => $"README.md line {FirstLine}";
}
