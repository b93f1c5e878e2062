namespace ModelCatalog;

/// <summary>
/// The usage of one request, counted as OpenAI and Microsoft.Extensions.AI count it: <see cref="InputTokens"/>
/// <b>includes</b> cached reads, cache writes and audio input; <see cref="OutputTokens"/> <b>includes</b> reasoning and
/// audio output. For usage that counts cached tokens apart from the input (Anthropic's raw usage) use
/// <see cref="SeparateCacheUsage"/>.
/// </summary>
public sealed record TokenUsage
{
    /// <summary>All input tokens, cached reads, cache writes and audio input included.</summary>
    public long InputTokens { get; init; }

    /// <summary>All output tokens, reasoning and audio output included.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Input tokens read from the prompt cache (a part of <see cref="InputTokens"/>).</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Input tokens written to the cache with the default 5-minute lifetime (a part of <see cref="InputTokens"/>).</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>Input tokens written to the cache with a 1-hour lifetime (a part of <see cref="InputTokens"/>).</summary>
    public long CacheWrite1HourTokens { get; init; }

    /// <summary>Audio input tokens (a part of <see cref="InputTokens"/>).</summary>
    public long AudioInputTokens { get; init; }

    /// <summary>Reasoning tokens (a part of <see cref="OutputTokens"/>).</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Audio output tokens (a part of <see cref="OutputTokens"/>).</summary>
    public long AudioOutputTokens { get; init; }

    /// <summary>Requests charged <see cref="ModelPricing.PerRequest"/>: 1 for one request's usage (the default).</summary>
    public long Requests { get; init; } = 1;

    /// <summary>Input images charged <see cref="ModelPricing.PerImage"/>.</summary>
    public long Images { get; init; }
}
