using FsCheck;
using FsCheck.Fluent;

namespace ModelCatalog.Tests.Pricing;

/// <summary>Random prices (exact decimals with up to 7 decimals, some unknown) and usages whose parts fit their totals.</summary>
public static class PricingGenerators
{
    public static Gen<decimal?> Price { get; } =
        from known in Gen.Elements(true, true, true, false)
        from mantissa in Gen.Choose(0, 2_000_000)
        from scale in Gen.Choose(0, 7)
        select known ? new decimal(mantissa, 0, 0, false, (byte)scale) : (decimal?)null;

    public static Gen<TokenPrices> Tokens { get; } =
        from input in Price
        from output in Price
        from cacheRead in Price
        from cacheWrite in Price
        from cacheWrite1h in Price
        from reasoning in Price
        from audioIn in Price
        from audioOut in Price
        select new TokenPrices
        {
            InputPerMillion = input,
            OutputPerMillion = output,
            CacheReadPerMillion = cacheRead,
            CacheWritePerMillion = cacheWrite,
            CacheWrite1HourPerMillion = cacheWrite1h,
            ReasoningPerMillion = reasoning,
            AudioInputPerMillion = audioIn,
            AudioOutputPerMillion = audioOut,
        };

    /// <summary>Pricing with zero to two tiers, thresholds between 1,000 and 300,000 tokens.</summary>
    public static Gen<ModelPricing> Pricing { get; } =
        from tokens in Tokens
        from tierCount in Gen.Choose(0, 2)
        from thresholds in Gen.Choose(1_000, 300_000).ListOf(tierCount)
        from tierPrices in Tokens.ListOf(tierCount)
        from perRequest in Price
        from perImage in Price
        select new ModelPricing
        {
            Tokens = tokens,
            Tiers = [.. thresholds.Distinct().Select((t, i) => new PriceTier(t, tierPrices[i])).OrderBy(t => t.AbovePromptTokens)],
            PerRequest = perRequest,
            PerImage = perImage,
        };

    /// <summary>A usage whose input is at most <paramref name="maxInput"/> tokens.</summary>
    public static Gen<TokenUsage> Usage(int maxInput) =>
        from input in Gen.Choose(0, maxInput)
        from cached in Gen.Choose(0, input)
        from write in Gen.Choose(0, input - cached)
        from write1h in Gen.Choose(0, input - cached - write)
        from audioIn in Gen.Choose(0, input - cached - write - write1h)
        from output in Gen.Choose(0, 100_000)
        from reasoning in Gen.Choose(0, output)
        from audioOut in Gen.Choose(0, output - reasoning)
        from requests in Gen.Choose(0, 3)
        from images in Gen.Choose(0, 5)
        select new TokenUsage
        {
            InputTokens = input,
            CachedInputTokens = cached,
            CacheWriteTokens = write,
            CacheWrite1HourTokens = write1h,
            AudioInputTokens = audioIn,
            OutputTokens = output,
            ReasoningTokens = reasoning,
            AudioOutputTokens = audioOut,
            Requests = requests,
            Images = images,
        };

    public static Gen<(ModelPricing Pricing, TokenUsage Usage)> PricedUsage { get; } =
        from pricing in Pricing
        from usage in Usage(400_000)
        select (pricing, usage);
}
