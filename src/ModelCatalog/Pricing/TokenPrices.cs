using System.Text.Json.Serialization;

namespace ModelCatalog;

/// <summary>
/// Token prices in exact decimals, <b>USD per 1,000,000 tokens</b>. <see langword="null"/> means the source does not
/// say (unknown is not zero); the cost calculator then falls back as documented on <see cref="CostCalculator"/>.
/// </summary>
public sealed record TokenPrices
{
    /// <summary>An instance with no price known.</summary>
    public static readonly TokenPrices None = new();

    /// <summary>Input (prompt) tokens that are neither cache reads, cache writes nor audio.</summary>
    public decimal? InputPerMillion { get; init; }

    /// <summary>Output (completion) tokens that are neither reasoning nor audio.</summary>
    public decimal? OutputPerMillion { get; init; }

    /// <summary>Input tokens read from the prompt cache (cache hits).</summary>
    public decimal? CacheReadPerMillion { get; init; }

    /// <summary>Input tokens written to the prompt cache with the default (5-minute) lifetime.</summary>
    public decimal? CacheWritePerMillion { get; init; }

    /// <summary>Input tokens written to the prompt cache with a 1-hour lifetime.</summary>
    [JsonPropertyName("cache_write_1h_per_million")]
    public decimal? CacheWrite1HourPerMillion { get; init; }

    /// <summary>Reasoning (thinking) tokens, a part of the output.</summary>
    public decimal? ReasoningPerMillion { get; init; }

    /// <summary>Audio input tokens, a part of the input.</summary>
    public decimal? AudioInputPerMillion { get; init; }

    /// <summary>Audio output tokens, a part of the output.</summary>
    public decimal? AudioOutputPerMillion { get; init; }

    /// <summary>Whether no price at all is known.</summary>
    [JsonIgnore]
    public bool IsEmpty => Equals(None);

    /// <summary>These prices where known, else <paramref name="fallback"/>'s, component by component.</summary>
    /// <param name="fallback">The prices that fill the gaps.</param>
    /// <returns>The combined prices.</returns>
    public TokenPrices Over(TokenPrices fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new TokenPrices
        {
            InputPerMillion = InputPerMillion ?? fallback.InputPerMillion,
            OutputPerMillion = OutputPerMillion ?? fallback.OutputPerMillion,
            CacheReadPerMillion = CacheReadPerMillion ?? fallback.CacheReadPerMillion,
            CacheWritePerMillion = CacheWritePerMillion ?? fallback.CacheWritePerMillion,
            CacheWrite1HourPerMillion = CacheWrite1HourPerMillion ?? fallback.CacheWrite1HourPerMillion,
            ReasoningPerMillion = ReasoningPerMillion ?? fallback.ReasoningPerMillion,
            AudioInputPerMillion = AudioInputPerMillion ?? fallback.AudioInputPerMillion,
            AudioOutputPerMillion = AudioOutputPerMillion ?? fallback.AudioOutputPerMillion,
        };
    }
}
