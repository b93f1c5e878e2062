namespace ModelCatalog.Readme.Tests;

/// <summary>One ```csharp block of a Markdown file: its code and the 1-based line of the file its first code line is on.</summary>
internal sealed record ReadmeSnippet(int FirstLine, string Code)
{
    private const string Fence = "```";

    // The info strings Markdown renderers highlight as C#; a block under any of them is compiled.
    private static readonly string[] CSharpLanguages = ["csharp", "cs", "c#"];

    /// <summary>Every ```csharp block of <paramref name="markdown"/>, in order; blocks of any other language are left out.</summary>
    public static IReadOnlyList<ReadmeSnippet> FindAll(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var snippets = new List<ReadmeSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsFence(lines[i]))
            {
                continue;
            }

            var isCSharp = CSharpLanguages.Contains(lines[i].Trim()[Fence.Length..], StringComparer.OrdinalIgnoreCase);
            var first = i + 1;
            var end = first;
            while (end < lines.Length && !IsFence(lines[end]))
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

    // Fences may be indented (a block inside a list item).
    private static bool IsFence(string line) => line.TrimStart().StartsWith(Fence, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"README.md line {FirstLine}";
}
