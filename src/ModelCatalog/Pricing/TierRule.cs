namespace ModelCatalog;

/// <summary>How <see cref="ModelPricing.Tiers"/> apply to a request.</summary>
public enum TierRule
{
    /// <summary>
    /// Once the prompt (all input tokens, cached reads and cache writes included) exceeds a tier's threshold, the
    /// <b>whole request</b> — every input and output component — takes that tier's prices; the highest tier exceeded
    /// wins. This is how LiteLLM (<c>*_above_128k_tokens</c>, <c>*_above_200k_tokens</c>), models.dev
    /// (<c>context_over_200k</c>, <c>tiers</c>), Anthropic and Google price long contexts.
    /// </summary>
    WholeRequest,
}
