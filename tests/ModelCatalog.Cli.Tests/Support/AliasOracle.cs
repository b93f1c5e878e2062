using System.Text;
using System.Text.Json;

namespace ModelCatalog.Cli.Tests.Support;

/// <summary>
/// An independent reading of LiteLLM's ID rule (<c>normalize(litellm_provider)/key</c>, the key's first segment dropped
/// when the provider starts with it), written apart from the importer so tests do not check it against itself.
/// </summary>
internal static class AliasOracle
{
    public static HashSet<string> LiteLlmIds(string path) => [.. Entries(path).Select(e => e.Id)];

    public static List<string> LiteLlmAliases(string path)
        => [.. Entries(path).GroupBy(e => e.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1).Select(e => e.Key))];

    private static IEnumerable<(string Key, string Id)> Entries(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var list = new List<(string, string)>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Name == "sample_spec" || entry.Value.ValueKind != JsonValueKind.Object
                || !entry.Value.TryGetProperty("litellm_provider", out var p) || p.GetString() is not { Length: > 0 } provider)
            {
                continue;
            }

            string[] parts = entry.Name.Split('/', 2);
            string name = parts.Length == 2 && provider.StartsWith(parts[0], StringComparison.Ordinal) ? parts[1] : entry.Name;
            var normalized = new StringBuilder();
            foreach (char c in provider)
            {
                normalized.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            }

            list.Add((entry.Name, normalized + "/" + name));
        }

        return list;
    }
}
