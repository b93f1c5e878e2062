using System.Text;

namespace ModelCatalog.Sources;

/// <summary>
/// Turns an upstream provider name into a provider ID of the unified grammar: every character outside
/// <c>[A-Za-z0-9_]</c> becomes <c>_</c> (so <c>amazon-bedrock</c> → <c>amazon_bedrock</c>,
/// <c>vertex_ai-language-models</c> → <c>vertex_ai_language_models</c>). Case is kept.
/// </summary>
internal static class ProviderIdNormalizer
{
    /// <summary>Normalises a provider name.</summary>
    /// <param name="name">The upstream name.</param>
    /// <returns>The provider ID candidate (still to be validated for length and emptiness).</returns>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }
}
