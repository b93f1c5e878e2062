using System.Text;
using ModelCatalog.Sources;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Support;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Importers;

public sealed class CatalogImporterTests
{
    private static ModelSnapshot<CatalogModel> Read(string json, CatalogFormat format)
        => CatalogImporter.Read(Encoding.UTF8.GetBytes(json), format, null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void LiteLlm_keys_become_unified_ids_under_the_normalised_provider()
    {
        var snapshot = Read("""
            {
              "sample_spec": {"input_cost_per_token": "cost", "litellm_provider": "doc"},
              "gpt-4o": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 0.00001, "max_input_tokens": 128000, "max_output_tokens": 16384},
              "bedrock/us-east-1/anthropic.claude-v2": {"litellm_provider": "bedrock", "input_cost_per_token": "0.000008"},
              "vertex_ai/claude-3": {"litellm_provider": "vertex_ai-anthropic_models"}
            }
            """, CatalogFormat.LiteLlm);

        Assert.Equal(["openai/gpt-4o", "bedrock/us-east-1/anthropic.claude-v2", "vertex_ai_anthropic_models/claude-3"], snapshot.Models.Select(m => m.Id.ToString()));
        var gpt = snapshot.Models[0];
        Assert.Equal((2.5m, 10m, 128000, 16384), (gpt.InputCostPerMillionTokens!.Value, gpt.OutputCostPerMillionTokens!.Value, gpt.ContextWindow!.Value, gpt.MaxOutputTokens!.Value));
        Assert.Equal(0.0000025m, gpt.CostPerUnit);
        Assert.Equal(8m, snapshot.Models[1].InputCostPerMillionTokens);
        Assert.Empty(snapshot.Rejections);
        Assert.Equal("litellm", snapshot.SourceName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_upstream_keys_mapping_to_one_id_are_an_alias_keeping_the_key_that_spells_the_id_whatever_the_order(bool prefixedFirst)
    {
        string bare = """ "gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 1} """;
        string prefixed = """ "openai/gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 2} """;
        var snapshot = Read("{" + (prefixedFirst ? prefixed + "," + bare : bare + "," + prefixed) + "}", CatalogFormat.LiteLlm);

        Assert.Equal(2m, Assert.Single(snapshot.Models).CostPerUnit);
        Assert.Empty(snapshot.Rejections);
        var alias = Assert.Single(snapshot.Aliases);
        Assert.Equal(("openai/gpt-4o", "gpt-4o", "openai/gpt-4o"), (alias.Id.ToString(), alias.Key, alias.KeptKey));
    }

    [Fact]
    public void A_key_written_twice_is_a_rejection_that_names_the_id_and_the_first_occurrence_is_kept()
    {
        var snapshot = Read("""
            {"gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 1},
             "gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 2}}
            """, CatalogFormat.LiteLlm);

        Assert.Equal(1m, Assert.Single(snapshot.Models).CostPerUnit);
        var rejection = Assert.Single(snapshot.Rejections);
        Assert.Equal(("gpt-4o", "openai/gpt-4o"), (rejection.Key, rejection.Id.ToString()));
        Assert.Empty(snapshot.Aliases);
    }

    [Fact]
    public void Entries_with_wrong_types_or_invalid_ids_are_rejected_with_a_reason_and_the_rest_imported()
    {
        var snapshot = Read("""
            {"ok": {"litellm_provider": "openai"},
             "bad-price": {"litellm_provider": "openai", "input_cost_per_token": "a lot"},
             "bad-window": {"litellm_provider": "openai", "max_input_tokens": 1.5},
             "openrouter/": {"litellm_provider": "openrouter"},
             "no-provider": {"mode": "chat"},
             "not-an-object": 42}
            """, CatalogFormat.LiteLlm);

        Assert.Equal("openai/ok", Assert.Single(snapshot.Models).Id.ToString());
        Assert.Equal(5, snapshot.Rejections.Count);
        Assert.Contains(snapshot.Rejections, r => r.Key == "bad-price" && r.Reason.Contains("input_cost_per_token", StringComparison.Ordinal));
        Assert.Contains(snapshot.Rejections, r => r.Key == "openrouter/" && r.Reason.Contains("empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"gpt-4o": {""", CatalogFormat.LiteLlm)]
    [InlineData("""[1, 2]""", CatalogFormat.LiteLlm)]
    [InlineData("""{"models": 3}""", CatalogFormat.ModelCatalog)]
    [InlineData("""{"nothing": []}""", CatalogFormat.OpenRouter)]
    [InlineData("""not json""", CatalogFormat.ModelsDev)]
    public void A_file_that_is_not_the_formats_shape_is_a_format_error(string json, CatalogFormat format)
    {
        var error = Assert.Throws<CatalogFormatException>(() => Read(json, format));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void OpenRouter_bare_array_and_data_envelope_read_the_same_and_negative_prices_mean_none()
    {
        const string models = """[{"id": "meta-llama/llama-3.1-70b-instruct", "name": "Llama", "pricing": {"prompt": "0.0000004", "completion": "-1"}, "context_length": 131072, "top_provider": {"max_completion_tokens": 8192}}]""";

        var bare = Read(models, CatalogFormat.OpenRouter);
        var envelope = Read($$"""{"data": {{models}}}""", CatalogFormat.OpenRouter);

        var model = Assert.Single(bare.Models);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", model.Id.ToString());
        Assert.Equal(0.4m, model.InputCostPerMillionTokens);
        Assert.Null(model.OutputCostPerMillionTokens);
        Assert.Equal((131072, 8192), (model.ContextWindow!.Value, model.MaxOutputTokens!.Value));
        ModelContent.AssertEqual(model, Assert.Single(envelope.Models));
    }

    [Fact]
    public void ModelsDev_provider_keys_are_normalised_and_costs_are_per_million()
    {
        var snapshot = Read("""
            {"amazon-bedrock": {"name": "Amazon Bedrock", "models": {"anthropic.claude-3": {"name": "Claude 3", "cost": {"input": 3, "output": 15}, "limit": {"context": 200000, "output": 4096}, "modalities": {"output": ["text"]}}}}}
            """, CatalogFormat.ModelsDev);

        var model = Assert.Single(snapshot.Models);
        Assert.Equal("amazon_bedrock/anthropic.claude-3", model.Id.ToString());
        Assert.Equal((3m, 15m, 0.000003m), (model.InputCostPerMillionTokens!.Value, model.OutputCostPerMillionTokens!.Value, model.CostPerUnit!.Value));
        Assert.Equal(("Amazon Bedrock", "chat", "Claude 3"), (model.Provider, model.ModelType, model.DisplayName));
    }

    [Fact]
    public void The_native_format_reads_every_field_exactly_and_takes_source_and_version_from_the_file()
    {
        var snapshot = Read("""
            {"source": "ours", "version": "2026-11", "models": [
              {"id": "elevenlabs/eleven_turbo_v2", "display_name": "ElevenLabs Turbo V2", "description": "快速 TTS", "cost_per_unit": 0.0014,
               "unit_type": "character", "credits_per_unit": 1.4, "config": {"voice": "x"}, "provider": "ElevenLabs", "model_type": "tts",
               "is_active": false, "is_visible": true, "is_beta": true},
              {"id": "no-separator"}]}
            """, CatalogFormat.ModelCatalog);

        Assert.Equal(("ours", "2026-11"), (snapshot.SourceName, snapshot.Version));
        var model = Assert.Single(snapshot.Models);
        Assert.Equal((0.0014m, 1.4m, "character", "tts"), (model.CostPerUnit!.Value, model.CreditsPerUnit!.Value, model.UnitType, model.ModelType));
        Assert.Equal((false, true, true), (model.IsActive, model.IsVisible, model.IsBeta));
        Assert.Equal("x", model.Config!.Value.GetProperty("voice").GetString());
        Assert.Contains("no '/'", Assert.Single(snapshot.Rejections).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("litellm", "model_prices_2026-03-03.json", CatalogFormat.LiteLlm)]
    [InlineData("openrouter", "models_2026-05-15.json", CatalogFormat.OpenRouter)]
    [InlineData("modelsdev", "models_2026-07-02.json", CatalogFormat.ModelsDev)]
    public async Task Real_snapshots_import_with_every_entry_accounted_for(string folder, string file, CatalogFormat format)
    {
        var snapshot = await CatalogImporter.ReadFileAsync(SharedData.Path(folder, file), format, null, null, DateTimeOffset.UnixEpoch);

        Assert.True(snapshot.Models.Count > 300);
        Assert.Equal(snapshot.Models.Count, snapshot.Models.Select(m => m.Id).Distinct().Count());
        Assert.All(snapshot.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), snapshot.Version);
    }
}
