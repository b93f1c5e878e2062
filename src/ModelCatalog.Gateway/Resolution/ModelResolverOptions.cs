namespace ModelCatalog.Gateway;

/// <summary>How <see cref="ModelResolver"/> matches a requested model string.</summary>
public sealed class ModelResolverOptions
{
    /// <summary>
    /// When no model has exactly the requested ID, look for the one model whose ID matches ignoring case
    /// (<c>OpenAI/GPT-4o</c> finds <c>openai/gpt-4o</c>). The resolution then carries the canonical ID; the upstream
    /// name is the model's own, never the client's spelling. Off by default: IDs are case-sensitive.
    /// </summary>
    public bool CaseInsensitiveFallback { get; set; }
}
