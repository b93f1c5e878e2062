namespace ModelCatalog.Tests.Pricing;

public sealed class CostCalculatorErrorTests
{
    private static readonly ModelPricing Flat = new() { Tokens = new TokenPrices { InputPerMillion = 1m, OutputPerMillion = 2m } };

    [Fact]
    public void Cached_tokens_beyond_the_input_count_are_a_clear_error_that_points_to_the_separate_entry_point()
    {
        var error = Assert.Throws<ArgumentException>("usage", () => CostCalculator.Calculate(Flat, new TokenUsage { InputTokens = 10, CachedInputTokens = 11 }));
        Assert.Contains("SeparateCacheUsage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reasoning_tokens_beyond_the_output_count_are_a_clear_error()
        => Assert.Throws<ArgumentException>("usage", () => CostCalculator.Calculate(Flat, new TokenUsage { OutputTokens = 1, ReasoningTokens = 2 }));

    [Fact]
    public void Negative_counts_are_rejected()
        => Assert.Throws<ArgumentException>("usage", () => CostCalculator.Calculate(Flat, new TokenUsage { InputTokens = -1 }));

    [Fact]
    public void A_cost_beyond_the_decimal_range_throws_an_overflow_naming_the_component_instead_of_saturating()
    {
        var huge = new ModelPricing { Tokens = new TokenPrices { OutputPerMillion = decimal.MaxValue / 2 } };
        var error = Assert.Throws<OverflowException>(() => CostCalculator.Calculate(huge, new TokenUsage { OutputTokens = long.MaxValue }));
        Assert.Contains("output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_without_price_or_fallback_is_reported_unpriced_and_left_out_of_the_total()
    {
        var inputOnly = new ModelPricing { Tokens = new TokenPrices { InputPerMillion = 2m } };
        var cost = CostCalculator.Calculate(inputOnly, new TokenUsage { InputTokens = 1_000_000, OutputTokens = 10, ReasoningTokens = 4 });

        Assert.Equal(2m, cost.Total);
        Assert.Equal([CostComponentKind.Output, CostComponentKind.Reasoning], cost.Unpriced);
        Assert.False(cost.IsComplete);
    }

    [Fact]
    public void Cache_and_reasoning_tokens_fall_back_to_the_input_and_output_prices()
    {
        var cost = CostCalculator.Calculate(Flat, new TokenUsage { InputTokens = 3_000_000, CachedInputTokens = 1_000_000, CacheWriteTokens = 1_000_000, OutputTokens = 2_000_000, ReasoningTokens = 1_000_000 });

        Assert.Equal([("input", 1m), ("cache_read", 1m), ("cache_write", 1m), ("output", 2m), ("reasoning", 2m)], cost.Components.Select(c => (c.Name, c.UnitPrice)));
        Assert.Equal(1m + 1m + 1m + 2m + 2m, cost.Total);
    }
}
