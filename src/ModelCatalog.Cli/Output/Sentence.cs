namespace ModelCatalog.Cli.Output;

/// <summary>Messages from databases and parsers end in all sorts of ways; the tool's own messages end with a full stop.</summary>
internal static class Sentence
{
    public static string End(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }
}
