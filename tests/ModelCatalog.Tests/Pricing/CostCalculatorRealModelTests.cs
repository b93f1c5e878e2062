using ModelCatalog.Sources;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Pricing;

/// <summary>Hand-computed costs for real models of the LiteLLM snapshot of 2026-03-03 (../shared/data).</summary>
public sealed class CostCalculatorRealModelTests
{
    private static readonly Lazy<Task<IReadOnlyList<CatalogModel>>> Models = new(async () =>
        (await CatalogImporter.ReadFileAsync(SharedData.Path("litellm", "model_prices_2026-03-03.json"), CatalogFormat.LiteLlm, "litellm", "2026-03-03", DateTimeOffset.UnixEpoch)).Models);

    private static async Task<CatalogModel> Model(string id) => (await Models.Value).Single(m => m.Id == UnifiedModelId.Parse(id));

    private static void AssertComponents(CostBreakdown cost, params (string Name, long Tokens, decimal UnitPrice, decimal Cost)[] expected)
    {
        Assert.Equal(expected, cost.Components.Select(c => (c.Name, c.Quantity, c.UnitPrice, c.Cost)));
        Assert.True(cost.IsComplete);
    }

    [Fact]
    public async Task Claude_Sonnet_4_with_cache_reads_and_5_minute_and_1_hour_cache_writes_costs_the_hand_computed_amount()
    {
        // LiteLLM claude-sonnet-4-20250514: input 3e-06, cache_read 3e-07, cache_creation 3.75e-06, above_1hr 6e-06, output 1.5e-05 per token.
        var model = await Model("anthropic/claude-sonnet-4-20250514");
        var usage = new TokenUsage { InputTokens = 10_000, CachedInputTokens = 2_000, CacheWriteTokens = 3_000, CacheWrite1HourTokens = 1_000, OutputTokens = 1_500 };

        var cost = CostCalculator.Calculate(model, usage);

        // 4,000 × $3/M = 0.012; 2,000 × $0.30/M = 0.0006; 3,000 × $3.75/M = 0.01125; 1,000 × $6/M = 0.006; 1,500 × $15/M = 0.0225.
        AssertComponents(cost, ("input", 4_000, 3m, 0.012m), ("cache_read", 2_000, 0.3m, 0.0006m), ("cache_write", 3_000, 3.75m, 0.01125m),
            ("cache_write_1h", 1_000, 6m, 0.006m), ("output", 1_500, 15m, 0.0225m));
        Assert.Equal(0.05235m, cost.Total);
        Assert.Equal("USD", cost.Currency);
    }

    [Fact]
    public async Task Anthropic_raw_usage_that_counts_the_cache_apart_costs_the_same_for_Claude_Sonnet_4()
    {
        var model = await Model("anthropic/claude-sonnet-4-20250514");
        var raw = new SeparateCacheUsage { UncachedInputTokens = 4_000, CacheReadTokens = 2_000, CacheWriteTokens = 3_000, CacheWrite1HourTokens = 1_000, OutputTokens = 1_500 };

        Assert.Equal(0.05235m, CostCalculator.Calculate(model.Pricing, raw).Total);
    }

    [Fact]
    public async Task GPT_4o_with_cached_input_costs_the_hand_computed_amount()
    {
        // LiteLLM gpt-4o: input 2.5e-06, cache_read 1.25e-06, output 1e-05 per token.
        var model = await Model("openai/gpt-4o");
        var cost = CostCalculator.Calculate(model, new TokenUsage { InputTokens = 50_000, CachedInputTokens = 20_000, OutputTokens = 2_000 });

        // 30,000 × $2.50/M = 0.075; 20,000 × $1.25/M = 0.025; 2,000 × $10/M = 0.02.
        AssertComponents(cost, ("input", 30_000, 2.5m, 0.075m), ("cache_read", 20_000, 1.25m, 0.025m), ("output", 2_000, 10m, 0.02m));
        Assert.Equal(0.12m, cost.Total);
    }

    [Fact]
    public async Task Gemini_2_5_Pro_above_200k_prompt_tokens_prices_the_whole_request_at_the_long_context_tier()
    {
        // LiteLLM gemini/gemini-2.5-pro above 200k: input 2.5e-06, cache_read 2.5e-07, output 1.5e-05 per token.
        var model = await Model("gemini/gemini-2.5-pro");
        var cost = CostCalculator.Calculate(model, new TokenUsage { InputTokens = 250_000, CachedInputTokens = 50_000, OutputTokens = 4_000 });

        // 200,000 × $2.50/M = 0.5; 50,000 × $0.25/M = 0.0125; 4,000 × $15/M = 0.06.
        AssertComponents(cost, ("input", 200_000, 2.5m, 0.5m), ("cache_read", 50_000, 0.25m, 0.0125m), ("output", 4_000, 15m, 0.06m));
        Assert.Equal(0.5725m, cost.Total);
        Assert.Equal(200_000, cost.Tier!.AbovePromptTokens);
    }

    [Fact]
    public async Task Gemini_2_5_Pro_at_exactly_200k_prompt_tokens_keeps_the_base_prices()
    {
        var model = await Model("gemini/gemini-2.5-pro");
        var cost = CostCalculator.Calculate(model, new TokenUsage { InputTokens = 200_000, OutputTokens = 4_000 });

        // 200,000 × $1.25/M = 0.25; 4,000 × $10/M = 0.04.
        AssertComponents(cost, ("input", 200_000, 1.25m, 0.25m), ("output", 4_000, 10m, 0.04m));
        Assert.Equal(0.29m, cost.Total);
        Assert.Null(cost.Tier);
    }
}
