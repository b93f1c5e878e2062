using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// Computes what a request cost from a model's <see cref="ModelPricing"/> and its usage, component by component, in
/// exact decimals (USD).
/// </summary>
/// <remarks>
/// <para>
/// <b>Counting.</b> <see cref="TokenUsage.InputTokens"/> includes cached reads, cache writes and audio input;
/// <see cref="TokenUsage.OutputTokens"/> includes reasoning and audio output (as OpenAI and Microsoft.Extensions.AI
/// count). The plain <c>input</c> component is what remains of the input after those parts, <c>output</c> what remains
/// of the output. Usage counted the Anthropic way (cache apart from input) goes through
/// <see cref="Calculate(ModelPricing?, SeparateCacheUsage)"/>.
/// </para>
/// <para>
/// <b>Prices.</b> Cache reads, cache writes (5-minute and 1-hour) and audio input use their own price, falling back to
/// the input price where the model has none; reasoning and audio output fall back to the output price. Where neither
/// is known the component is listed in <see cref="CostBreakdown.Unpriced"/> and left out of the total (unknown is not
/// free). The per-request and per-image prices are charged where the model has them; a source that names none
/// means there is no such fee.
/// </para>
/// <para>
/// <b>Tiers</b> (<see cref="TierRule.WholeRequest"/>): when the prompt — <see cref="TokenUsage.InputTokens"/>, cached
/// and cache-write tokens included — is strictly above a tier's threshold, every component takes that tier's price
/// where the tier has one, and the base price (then the fallback) otherwise. At exactly the threshold the base prices
/// apply.
/// </para>
/// <para>
/// <b>Exactness and overflow.</b> A token component costs <c>tokens × price ÷ 1,000,000</c>, a request or image
/// component <c>count × price</c>; nothing is rounded, and the total is the exact sum of the components. Decimal
/// arithmetic is checked: a cost beyond <see cref="decimal.MaxValue"/> throws an <see cref="OverflowException"/>
/// naming the component — a bill is never silently saturated. (A product needing more than decimal's 28 significant
/// digits, which no real count and price reach, is rounded to 28 digits.)
/// </para>
/// </remarks>
public static class CostCalculator
{
    /// <summary>The cost of a request on <paramref name="model"/>, from its <see cref="CatalogModel.Pricing"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="usage">The usage, inclusive counts.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">A count is negative or the parts exceed their totals.</exception>
    /// <exception cref="OverflowException">A cost exceeds the decimal range.</exception>
    public static CostBreakdown Calculate(CatalogModel model, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Calculate(model.Pricing, usage);
    }

    /// <summary>The cost of a request whose usage counts cached tokens apart from the input (Anthropic's raw usage).</summary>
    /// <param name="pricing">The prices, or <see langword="null"/> when none is known.</param>
    /// <param name="usage">The usage, cache counted separately.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">A count is negative or the parts exceed their totals.</exception>
    /// <exception cref="OverflowException">A count or a cost exceeds its range.</exception>
    public static CostBreakdown Calculate(ModelPricing? pricing, SeparateCacheUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return Calculate(pricing, usage.ToTokenUsage());
    }

    /// <summary>The cost of a request.</summary>
    /// <param name="pricing">The prices, or <see langword="null"/> when none is known (then every token component is unpriced).</param>
    /// <param name="usage">The usage, inclusive counts.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">A count is negative or the parts exceed their totals.</exception>
    /// <exception cref="OverflowException">A cost exceeds the decimal range.</exception>
    public static CostBreakdown Calculate(ModelPricing? pricing, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        Validate(usage);
        pricing ??= new ModelPricing();
        var tier = pricing.TierFor(usage.InputTokens);
        var p = tier is null ? pricing.Tokens : tier.Prices.Over(pricing.Tokens);

        long inputParts = usage.CachedInputTokens + usage.CacheWriteTokens + usage.CacheWrite1HourTokens + usage.AudioInputTokens;
        long outputParts = usage.ReasoningTokens + usage.AudioOutputTokens;
        var components = new List<CostComponent>(4);
        var unpriced = new List<CostComponentKind>();
        decimal total = 0m;

        void Add(CostComponentKind kind, long quantity, decimal? price, bool perMillion, bool unknownIsUnpriced = true)
        {
            if (quantity == 0)
            {
                return;
            }

            if (price is not { } unitPrice)
            {
                if (unknownIsUnpriced)
                {
                    unpriced.Add(kind);
                }

                return;
            }

            try
            {
                decimal cost = perMillion ? quantity * unitPrice / 1_000_000m : quantity * unitPrice;
                total += cost;
                components.Add(new CostComponent(kind, quantity, unitPrice, cost));
            }
            catch (OverflowException exception)
            {
                throw new OverflowException(
                    string.Create(CultureInfo.InvariantCulture, $"The cost of {CostComponent.NameOf(kind)} ({quantity} at {unitPrice} USD{(perMillion ? " per million tokens" : " each")}) or the running total exceeds the decimal range."),
                    exception);
            }
        }

        Add(CostComponentKind.Input, usage.InputTokens - inputParts, p.InputPerMillion, perMillion: true);
        Add(CostComponentKind.CacheRead, usage.CachedInputTokens, p.CacheReadPerMillion ?? p.InputPerMillion, perMillion: true);
        Add(CostComponentKind.CacheWrite, usage.CacheWriteTokens, p.CacheWritePerMillion ?? p.InputPerMillion, perMillion: true);
        Add(CostComponentKind.CacheWrite1Hour, usage.CacheWrite1HourTokens, p.CacheWrite1HourPerMillion ?? p.InputPerMillion, perMillion: true);
        Add(CostComponentKind.AudioInput, usage.AudioInputTokens, p.AudioInputPerMillion ?? p.InputPerMillion, perMillion: true);
        Add(CostComponentKind.Output, usage.OutputTokens - outputParts, p.OutputPerMillion, perMillion: true);
        Add(CostComponentKind.Reasoning, usage.ReasoningTokens, p.ReasoningPerMillion ?? p.OutputPerMillion, perMillion: true);
        Add(CostComponentKind.AudioOutput, usage.AudioOutputTokens, p.AudioOutputPerMillion ?? p.OutputPerMillion, perMillion: true);
        Add(CostComponentKind.Request, usage.Requests, pricing.PerRequest, perMillion: false, unknownIsUnpriced: false);
        Add(CostComponentKind.Image, usage.Images, pricing.PerImage, perMillion: false, unknownIsUnpriced: false);

        return new CostBreakdown { Total = total, Components = components, Unpriced = unpriced, Tier = tier };
    }

    private static void Validate(TokenUsage usage)
    {
        long[] counts = [usage.InputTokens, usage.OutputTokens, usage.CachedInputTokens, usage.CacheWriteTokens, usage.CacheWrite1HourTokens,
            usage.AudioInputTokens, usage.ReasoningTokens, usage.AudioOutputTokens, usage.Requests, usage.Images];
        if (Array.Exists(counts, c => c < 0))
        {
            throw new ArgumentException("Token, request and image counts cannot be negative.", nameof(usage));
        }

        // Parts are added as decimals: four counts near long.MaxValue must not wrap around and pass the check.
        decimal inputParts = (decimal)usage.CachedInputTokens + usage.CacheWriteTokens + usage.CacheWrite1HourTokens + usage.AudioInputTokens;
        if (inputParts > usage.InputTokens)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cached, cache-write and audio input tokens ({inputParts}) exceed the input tokens ({usage.InputTokens}): input counts include them. For usage that counts the cache apart (Anthropic), use SeparateCacheUsage."),
                nameof(usage));
        }

        decimal outputParts = (decimal)usage.ReasoningTokens + usage.AudioOutputTokens;
        if (outputParts > usage.OutputTokens)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Reasoning and audio output tokens ({outputParts}) exceed the output tokens ({usage.OutputTokens}): output counts include them."),
                nameof(usage));
        }
    }
}
