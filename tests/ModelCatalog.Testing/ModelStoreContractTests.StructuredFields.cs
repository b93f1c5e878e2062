namespace ModelCatalog.Testing;

/// <summary>The structured official fields (pricing, capabilities, lifecycle, max input) in every store.</summary>
public abstract partial class ModelStoreContractTests
{
    private static CatalogModel Priced(string id) => new()
    {
        Id = UnifiedModelId.Parse(id),
        DisplayName = id,
        MaxInputTokens = 1_000_000,
        Pricing = new ModelPricing
        {
            Tokens = new TokenPrices
            {
                InputPerMillion = 3.000m,
                OutputPerMillion = 15m,
                CacheReadPerMillion = 0.30m,
                CacheWritePerMillion = 3.75m,
                CacheWrite1HourPerMillion = 6m,
                ReasoningPerMillion = 0.000000123456789012345m,
            },
            Tiers = [new PriceTier(200_000, new TokenPrices { InputPerMillion = 6m, OutputPerMillion = 22.5m }), new PriceTier(1_000_000, new TokenPrices { InputPerMillion = 12m })],
            PerRequest = 0.005m,
            PerImage = 0.01m,
            BatchInputPerMillion = 1.5m,
        },
        Capabilities = new ModelCapabilities { InputModalities = ["text", "image", "pdf"], OutputModalities = ["text"], ToolCalls = true, Vision = true, Reasoning = false },
        Lifecycle = new ModelLifecycle
        {
            Status = ModelStatus.Deprecated,
            DeprecatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            RetiresAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
            SuccessorId = UnifiedModelId.Parse("anthropic/claude-sonnet-4-5"),
        },
    };

    [Fact]
    public async Task Structured_pricing_capabilities_and_lifecycle_round_trip_exactly()
    {
        var model = Priced("anthropic/claude-sonnet-4");
        await CreateAsync(model);

        var found = (await Store.FindAsync(model.Id))!.Model;

        Assert.Equal(1_000_000, found.MaxInputTokens);
        var pricing = found.Pricing!;
        Assert.Equal(0.000000123456789012345m, pricing.Tokens.ReasoningPerMillion);
        Assert.Equal((6m, 0.30m, 3.75m), (pricing.Tokens.CacheWrite1HourPerMillion, pricing.Tokens.CacheReadPerMillion, pricing.Tokens.CacheWritePerMillion));
        Assert.Equal([200_000L, 1_000_000L], pricing.Tiers.Select(t => t.AbovePromptTokens));
        Assert.Equal(22.5m, pricing.Tiers[0].Prices.OutputPerMillion);
        Assert.Null(pricing.Tiers[1].Prices.OutputPerMillion);
        Assert.Equal((0.005m, 0.01m, 1.5m, (decimal?)null), (pricing.PerRequest, pricing.PerImage, pricing.BatchInputPerMillion, pricing.BatchOutputPerMillion));
        Assert.Equal(model.Pricing, pricing);
        Assert.Equal(["text", "image", "pdf"], found.Capabilities!.InputModalities!);
        Assert.Equal((true, true, false, (bool?)null), (found.Capabilities.ToolCalls, found.Capabilities.Vision, found.Capabilities.Reasoning, found.Capabilities.StructuredOutput));
        Assert.Equal(model.Lifecycle, found.Lifecycle);
        Assert.Equal(UnifiedModelId.Parse("anthropic/claude-sonnet-4-5"), found.Lifecycle!.SuccessorId);
    }

    [Fact]
    public async Task Unknown_structured_fields_stay_unknown()
    {
        await CreateAsync(Model("openai/plain"));

        var found = (await Store.FindAsync(UnifiedModelId.Parse("openai/plain")))!.Model;

        Assert.Equal((null, null, null, (int?)null), (found.Pricing, found.Capabilities, found.Lifecycle, found.MaxInputTokens));
    }

    [Fact]
    public async Task A_changed_tier_price_is_stored_by_an_update()
    {
        var stored = await CreateAsync(Priced("google/gemini-2.5-pro"));

        var updated = await UpdateAsync(stored, m => m.Pricing = m.Pricing! with { Tiers = [new PriceTier(200_000, new TokenPrices { InputPerMillion = 7m })] });

        Assert.Equal(2, updated.Version);
        Assert.Equal(7m, (await Store.FindAsync(updated.Model.Id))!.Model.Pricing!.Tiers.Single().Prices.InputPerMillion);
    }
}
