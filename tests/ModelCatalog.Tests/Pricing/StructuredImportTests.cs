using System.Text;
using ModelCatalog.Sources;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Pricing;

/// <summary>The readers' structured fields on small hand-written records, and value equality in merges.</summary>
public sealed class StructuredImportTests
{
    private static ModelSnapshot<CatalogModel> Read(string json, CatalogFormat format)
        => CatalogImporter.Read(Encoding.UTF8.GetBytes(json), format, null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void LiteLlm_cache_tier_batch_capability_and_retirement_fields_land_converted_to_per_million()
    {
        var model = Read("""
            {"claude-x": {"litellm_provider": "anthropic", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
              "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
              "input_cost_per_token_above_200k_tokens": 6e-06, "cache_creation_input_token_cost_above_1hr_above_200k_tokens": 1.2e-05,
              "input_cost_per_token_batches": 1.5e-06, "supports_function_calling": true, "supports_vision": false,
              "deprecation_date": "2026-07-01", "max_input_tokens": 200000}}
            """, CatalogFormat.LiteLlm).Models.Single();

        var p = model.Pricing!;
        Assert.Equal((3m, 15m, 0.3m, 3.75m, 6m), (p.Tokens.InputPerMillion, p.Tokens.OutputPerMillion, p.Tokens.CacheReadPerMillion, p.Tokens.CacheWritePerMillion, p.Tokens.CacheWrite1HourPerMillion));
        var tier = Assert.Single(p.Tiers);
        Assert.Equal((200_000L, 6m, 12m, (decimal?)null), (tier.AbovePromptTokens, tier.Prices.InputPerMillion, tier.Prices.CacheWrite1HourPerMillion, tier.Prices.OutputPerMillion));
        Assert.Equal(1.5m, p.BatchInputPerMillion);
        Assert.Null(p.BatchOutputPerMillion);
        Assert.Equal((true, false, (bool?)null), (model.Capabilities!.ToolCalls, model.Capabilities.Vision, model.Capabilities.Reasoning));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), model.Lifecycle!.RetiresAt);
        Assert.Equal(200_000, model.MaxInputTokens);
    }

    [Fact]
    public void A_record_that_states_nothing_structured_has_no_pricing_capabilities_or_lifecycle_rather_than_zeros()
    {
        var model = Read("""{"x": {"litellm_provider": "openai", "mode": "chat"}}""", CatalogFormat.LiteLlm).Models.Single();

        Assert.Equal((null, null, null), (model.Pricing, model.Capabilities, model.Lifecycle));
    }

    [Fact]
    public void A_wrong_typed_structured_price_rejects_the_entry_naming_the_field_and_keeps_the_rest()
    {
        var snapshot = Read("""
            {"bad": {"litellm_provider": "openai", "cache_read_input_token_cost": "cheap"},
             "good": {"litellm_provider": "openai", "cache_read_input_token_cost": 1e-06}}
            """, CatalogFormat.LiteLlm);

        var rejection = Assert.Single(snapshot.Rejections);
        Assert.Equal("bad", rejection.Key);
        Assert.Contains("cache_read_input_token_cost", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(1m, snapshot.Models.Single().Pricing!.Tokens.CacheReadPerMillion);
    }

    [Fact]
    public void OpenRouter_cache_reasoning_request_and_image_prices_land_and_variable_prices_stay_unknown()
    {
        var snapshot = Read("""
            [{"id": "a/b", "pricing": {"prompt": "0.000003", "completion": "0.000015", "input_cache_read": "0.0000003", "input_cache_write": "0.00000375",
               "internal_reasoning": "0.00001", "request": "0.005", "image": "0.0048"},
              "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]}, "supported_parameters": ["tools", "max_tokens"],
              "expiration_date": "2026-06-30"},
             {"id": "openrouter/auto", "pricing": {"prompt": "-1", "completion": "-1"}}]
            """, CatalogFormat.OpenRouter);

        var p = snapshot.Models[0].Pricing!;
        Assert.Equal((3m, 15m, 0.3m, 3.75m, 10m), (p.Tokens.InputPerMillion, p.Tokens.OutputPerMillion, p.Tokens.CacheReadPerMillion, p.Tokens.CacheWritePerMillion, p.Tokens.ReasoningPerMillion));
        Assert.Equal((0.005m, 0.0048m), (p.PerRequest, p.PerImage));
        var c = snapshot.Models[0].Capabilities!;
        Assert.Equal((true, true, false, false), (c.ToolCalls!.Value, c.Vision!.Value, c.Reasoning!.Value, c.StructuredOutput!.Value));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), snapshot.Models[0].Lifecycle!.RetiresAt);
        Assert.Null(snapshot.Models[1].Pricing);
    }

    [Fact]
    public void Models_dev_tiers_aliases_capabilities_and_status_land()
    {
        var model = Read("""
            {"prov": {"name": "Prov", "models": {"m": {"name": "M", "attachment": true, "reasoning": true, "tool_call": false,
              "cost": {"input": 2, "output": 12, "cached_input": 0.2, "context_over_200k": {"input": 4, "output": 18}, "tiers": [{"tier": {"size": 512000}, "input": 8}]},
              "limit": {"context": 1000000, "input": 900000, "output": 64000}, "modalities": {"input": ["text", "image"], "output": ["text"]}, "status": "deprecated"}}}}
            """, CatalogFormat.ModelsDev).Models.Single();

        var p = model.Pricing!;
        Assert.Equal(0.2m, p.Tokens.CacheReadPerMillion);
        Assert.Equal([(200_000L, 4m), (512_000L, 8m)], p.Tiers.Select(t => (t.AbovePromptTokens, t.Prices.InputPerMillion!.Value)));
        Assert.Equal((true, true, false, true), (model.Capabilities!.Attachments!.Value, model.Capabilities.Reasoning!.Value, model.Capabilities.ToolCalls!.Value, model.Capabilities.Vision!.Value));
        Assert.Equal(ModelStatus.Deprecated, model.Lifecycle!.Status);
        Assert.Equal(900_000, model.MaxInputTokens);
    }

    [Fact]
    public void The_native_file_reads_the_structured_fields_in_the_shape_show_json_writes_and_rejects_a_malformed_one()
    {
        var snapshot = Read("""
            {"models": [
              {"id": "a/one", "max_input_tokens": 1000, "pricing": {"tokens": {"input_per_million": 2.50, "cache_write_1h_per_million": 5}, "tiers": [{"above_prompt_tokens": 200000, "prices": {"input_per_million": 5}}], "per_request": 0.01},
               "capabilities": {"input_modalities": ["text"], "tool_calls": true}, "lifecycle": {"status": "Deprecated", "successor_id": "a/two"}},
              {"id": "a/bad", "pricing": {"tiers": "many"}}]}
            """, CatalogFormat.ModelCatalog);

        var one = snapshot.Models.Single();
        Assert.Equal((2.5m, 5m, 0.01m), (one.Pricing!.Tokens.InputPerMillion, one.Pricing.Tokens.CacheWrite1HourPerMillion, one.Pricing.PerRequest));
        Assert.Equal(200_000, one.Pricing.Tiers.Single().AbovePromptTokens);
        Assert.Equal(UnifiedModelId.Parse("a/two"), one.Lifecycle!.SuccessorId);
        Assert.Equal(ModelStatus.Deprecated, one.Lifecycle.Status);
        Assert.Contains("'pricing'", Assert.Single(snapshot.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_equal_price_written_differently_is_no_change_in_a_merge_and_a_changed_tier_price_is_one()
    {
        static CatalogModel WithPricing(decimal input, decimal tierInput) => new()
        {
            Id = UnifiedModelId.Parse("a/m"),
            Pricing = new ModelPricing
            {
                Tokens = new TokenPrices { InputPerMillion = input },
                Tiers = [new PriceTier(200_000, new TokenPrices { InputPerMillion = tierInput })],
            },
            Capabilities = new ModelCapabilities { InputModalities = ["text", "image"] },
        };

        var stored = WithPricing(2.5m, 5m);
        var same = WithPricing(2.50m, 5.000m);
        same.Capabilities = new ModelCapabilities { InputModalities = new List<string> { "text", "image" } };

        Assert.Empty(CatalogModel.Merger.Merge(stored, same, null, UpdateMode.Smart).Changes);
        var change = Assert.Single(CatalogModel.Merger.Merge(stored, WithPricing(2.5m, 6m), null, UpdateMode.Smart).Changes);
        Assert.Equal(nameof(CatalogModel.Pricing), change.Field);
    }
}
