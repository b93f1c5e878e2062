using System.Text.Json.Serialization;

namespace ModelCatalog;

/// <summary>
/// A model's official prices in exact decimals, always in <see cref="Currency"/> (USD), each with its unit in its name:
/// token prices per 1,000,000 tokens, <see cref="PerRequest"/> per request, <see cref="PerImage"/> per input image.
/// <see langword="null"/> means the source does not say (unknown is not zero). Value-equal (tiers element by element),
/// so syncing an unchanged price is no change.
/// </summary>
public sealed record ModelPricing
{
    /// <summary>The currency of every price: US dollars.</summary>
    public const string Currency = "USD";

    /// <summary>The base token prices (below every tier threshold).</summary>
    public TokenPrices Tokens { get; init; } = TokenPrices.None;

    /// <summary>Long-context tiers in ascending threshold order, applied by <see cref="TierRule"/>; empty when the model has none.</summary>
    public IReadOnlyList<PriceTier> Tiers { get; init; } = [];

    /// <summary>How <see cref="Tiers"/> apply.</summary>
    public TierRule TierRule { get; init; } = TierRule.WholeRequest;

    /// <summary>A fixed price per request, in USD.</summary>
    public decimal? PerRequest { get; init; }

    /// <summary>A price per input image, in USD.</summary>
    public decimal? PerImage { get; init; }

    /// <summary>The input price through the provider's batch API, USD per 1,000,000 tokens.</summary>
    public decimal? BatchInputPerMillion { get; init; }

    /// <summary>The output price through the provider's batch API, USD per 1,000,000 tokens.</summary>
    public decimal? BatchOutputPerMillion { get; init; }

    /// <summary>Whether no price at all is known.</summary>
    [JsonIgnore]
    public bool IsEmpty => Tokens.IsEmpty && Tiers.Count == 0 && PerRequest is null && PerImage is null
        && BatchInputPerMillion is null && BatchOutputPerMillion is null;

    /// <summary>The tier that applies to a prompt of <paramref name="promptTokens"/> tokens: the highest one exceeded, or none.</summary>
    /// <param name="promptTokens">All input tokens of the request, cached reads and cache writes included.</param>
    /// <returns>The tier, or <see langword="null"/> when the base prices apply.</returns>
    public PriceTier? TierFor(long promptTokens)
    {
        PriceTier? chosen = null;
        foreach (var tier in Tiers)
        {
            if (promptTokens > tier.AbovePromptTokens && (chosen is null || tier.AbovePromptTokens > chosen.AbovePromptTokens))
            {
                chosen = tier;
            }
        }

        return chosen;
    }

    /// <inheritdoc/>
    public bool Equals(ModelPricing? other)
        => other is not null
            && Tokens.Equals(other.Tokens)
            && ValueLists.Equal(Tiers, other.Tiers)
            && TierRule == other.TierRule
            && (PerRequest, PerImage, BatchInputPerMillion, BatchOutputPerMillion)
                == (other.PerRequest, other.PerImage, other.BatchInputPerMillion, other.BatchOutputPerMillion);

    /// <inheritdoc/>
    public override int GetHashCode()
        => HashCode.Combine(Tokens, ValueLists.Hash(Tiers), TierRule, PerRequest, PerImage, BatchInputPerMillion, BatchOutputPerMillion);
}
