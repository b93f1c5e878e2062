using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ModelCatalog.Tests.Pricing;

public sealed class CostCalculatorLawTests
{
    private const int Cases = 2000;

    // An exact rational oracle: a decimal as numerator / 10^scale in BigInteger, independent of decimal arithmetic.
    private static (BigInteger Numerator, BigInteger Denominator) Exact(decimal value)
    {
        int[] bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    private static bool SameRational((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) => a.N * b.D == b.N * a.D;

    [Property(MaxTest = Cases)]
    public Property Zero_usage_costs_zero()
        => Prop.ForAll(Arb.From(PricingGenerators.Pricing), pricing =>
        {
            var cost = CostCalculator.Calculate(pricing, new TokenUsage { Requests = 0 });
            return cost.Total == 0m && cost.Components.Count == 0 && cost.IsComplete;
        });

    [Property(MaxTest = Cases)]
    public Property Every_component_is_exactly_quantity_times_price_and_the_breakdown_sums_exactly_to_the_total()
        => Prop.ForAll(Arb.From(PricingGenerators.PricedUsage), input =>
        {
            var cost = CostCalculator.Calculate(input.Pricing, input.Usage);
            var sum = (N: BigInteger.Zero, D: BigInteger.One);
            foreach (var c in cost.Components)
            {
                var (pn, pd) = Exact(c.UnitPrice);
                var expected = (N: pn * c.Quantity, D: pd * (c.IsPerMillionTokens ? 1_000_000 : 1));
                if (!SameRational(Exact(c.Cost), expected))
                {
                    return false.Label($"{c.Name}: {c.Cost} ≠ {c.Quantity} × {c.UnitPrice}");
                }

                var (cn, cd) = Exact(c.Cost);
                sum = (sum.N * cd + cn * sum.D, sum.D * cd);
            }

            return SameRational(sum, Exact(cost.Total)).Label($"Σ components ≠ total {cost.Total}");
        });

    [Property(MaxTest = Cases)]
    public Property The_token_components_cover_every_token_of_the_usage_once()
        => Prop.ForAll(Arb.From(PricingGenerators.PricedUsage), input =>
        {
            var cost = CostCalculator.Calculate(input.Pricing, input.Usage);
            var input_ = new[] { CostComponentKind.Input, CostComponentKind.CacheRead, CostComponentKind.CacheWrite, CostComponentKind.CacheWrite1Hour, CostComponentKind.AudioInput };
            var output = new[] { CostComponentKind.Output, CostComponentKind.Reasoning, CostComponentKind.AudioOutput };
            long Counted(CostComponentKind[] kinds) => cost.Components.Where(c => kinds.Contains(c.Kind)).Sum(c => c.Quantity);
            bool AllUnpricedIn(CostComponentKind[] kinds) => cost.Unpriced.All(k => kinds.Contains(k) || !input_.Concat(output).Contains(k));

            // Every token is either priced in exactly one component or its component is reported unpriced.
            bool inputCovered = cost.Unpriced.Any(k => input_.Contains(k)) ? Counted(input_) <= input.Usage.InputTokens : Counted(input_) == input.Usage.InputTokens;
            bool outputCovered = cost.Unpriced.Any(k => output.Contains(k)) ? Counted(output) <= input.Usage.OutputTokens : Counted(output) == input.Usage.OutputTokens;
            return inputCovered && outputCovered && AllUnpricedIn(input_.Concat(output).ToArray());
        });

    [Property(MaxTest = Cases)]
    public Property Cost_is_linear_in_usage_below_every_tier_threshold()
        => Prop.ForAll(Arb.From(PricingGenerators.Pricing), Arb.From(PricingGenerators.Usage(300)), Arb.From(Gen.Choose(2, 3)), (pricing, usage, k) =>
        {
            // Thresholds are at least 1,000 tokens, so k × (at most 300) input tokens stays below every tier.
            var scaled = usage with
            {
                InputTokens = usage.InputTokens * k,
                CachedInputTokens = usage.CachedInputTokens * k,
                CacheWriteTokens = usage.CacheWriteTokens * k,
                CacheWrite1HourTokens = usage.CacheWrite1HourTokens * k,
                AudioInputTokens = usage.AudioInputTokens * k,
                OutputTokens = usage.OutputTokens * k,
                ReasoningTokens = usage.ReasoningTokens * k,
                AudioOutputTokens = usage.AudioOutputTokens * k,
                Requests = usage.Requests * k,
                Images = usage.Images * k,
            };
            var once = CostCalculator.Calculate(pricing, usage);
            var many = CostCalculator.Calculate(pricing, scaled);
            return (many.Total == once.Total * k && many.Tier is null && once.Tier is null).Label($"{many.Total} ≠ {k} × {once.Total}");
        });

    [Property(MaxTest = Cases)]
    public Property At_the_threshold_the_base_prices_apply_and_one_token_above_it_the_whole_request_takes_the_tier_prices()
        => Prop.ForAll(Arb.From(PricingGenerators.Pricing.Where(p => p.Tiers.Count > 0)), Arb.From(PricingGenerators.Usage(1_000)), (pricing, small) =>
        {
            var tier = pricing.Tiers[0];
            // The small usage's parts fit in at most 1,000 tokens, below every threshold, so any larger prompt holds them.
            TokenUsage WithPrompt(long prompt) => small with { InputTokens = prompt };
            var at = WithPrompt(tier.AbovePromptTokens);
            var above = WithPrompt(tier.AbovePromptTokens + 1);

            // The oracle: the same usage priced by a flat pricing made of the base prices, or of the tier over the base.
            var basePricing = pricing with { Tiers = [] };
            var tierPricing = pricing with { Tokens = tier.Prices.Over(pricing.Tokens), Tiers = [] };
            var costAt = CostCalculator.Calculate(pricing, at);
            var costAbove = CostCalculator.Calculate(pricing, above);
            return (costAt.Tier is null
                    && costAt.Total == CostCalculator.Calculate(basePricing, at).Total
                    && costAbove.Tier == tier
                    && costAbove.Total == CostCalculator.Calculate(tierPricing, above).Total)
                .Label($"at {at.InputTokens}: {costAt.Total}, above: {costAbove.Total}");
        });

    [Property(MaxTest = Cases)]
    public Property Usage_counting_the_cache_apart_costs_the_same_as_the_inclusive_count()
        => Prop.ForAll(Arb.From(PricingGenerators.PricedUsage), input =>
        {
            var u = input.Usage with { AudioInputTokens = 0, AudioOutputTokens = 0, Images = 0 };
            var separate = new SeparateCacheUsage
            {
                UncachedInputTokens = u.InputTokens - u.CachedInputTokens - u.CacheWriteTokens - u.CacheWrite1HourTokens,
                CacheReadTokens = u.CachedInputTokens,
                CacheWriteTokens = u.CacheWriteTokens,
                CacheWrite1HourTokens = u.CacheWrite1HourTokens,
                OutputTokens = u.OutputTokens,
                ReasoningTokens = u.ReasoningTokens,
                Requests = u.Requests,
            };
            var apart = CostCalculator.Calculate(input.Pricing, separate);
            var inclusive = CostCalculator.Calculate(input.Pricing, u);
            return apart.Total == inclusive.Total && apart.Components.SequenceEqual(inclusive.Components) && apart.Unpriced.SequenceEqual(inclusive.Unpriced);
        });
}
