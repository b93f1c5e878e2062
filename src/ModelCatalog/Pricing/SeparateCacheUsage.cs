namespace ModelCatalog;

/// <summary>
/// Usage that counts cached tokens <b>apart from</b> the input, as Anthropic's raw <c>usage</c> does:
/// <c>input_tokens</c> excludes <c>cache_read_input_tokens</c> and <c>cache_creation_input_tokens</c>. Everything else
/// is counted as in <see cref="TokenUsage"/> (output includes reasoning).
/// </summary>
public sealed record SeparateCacheUsage
{
    /// <summary>Input tokens that were neither read from nor written to the cache (Anthropic <c>input_tokens</c>).</summary>
    public long UncachedInputTokens { get; init; }

    /// <summary>Tokens read from the cache (Anthropic <c>cache_read_input_tokens</c>).</summary>
    public long CacheReadTokens { get; init; }

    /// <summary>Tokens written with the 5-minute lifetime (Anthropic <c>cache_creation.ephemeral_5m_input_tokens</c>, or all of <c>cache_creation_input_tokens</c>).</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>Tokens written with the 1-hour lifetime (Anthropic <c>cache_creation.ephemeral_1h_input_tokens</c>).</summary>
    public long CacheWrite1HourTokens { get; init; }

    /// <summary>All output tokens, reasoning included (Anthropic <c>output_tokens</c>).</summary>
    public long OutputTokens { get; init; }

    /// <summary>Reasoning tokens, a part of <see cref="OutputTokens"/>, where known.</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Requests charged <see cref="ModelPricing.PerRequest"/>: 1 by default.</summary>
    public long Requests { get; init; } = 1;

    /// <summary>The same usage counted the inclusive way.</summary>
    /// <returns>The <see cref="TokenUsage"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The input counts add up past <see cref="long.MaxValue"/>.</exception>
    public TokenUsage ToTokenUsage()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(UncachedInputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(CacheReadTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(CacheWriteTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(CacheWrite1HourTokens);
        return new TokenUsage
        {
            InputTokens = checked(UncachedInputTokens + CacheReadTokens + CacheWriteTokens + CacheWrite1HourTokens),
            CachedInputTokens = CacheReadTokens,
            CacheWriteTokens = CacheWriteTokens,
            CacheWrite1HourTokens = CacheWrite1HourTokens,
            OutputTokens = OutputTokens,
            ReasoningTokens = ReasoningTokens,
            Requests = Requests,
        };
    }
}
