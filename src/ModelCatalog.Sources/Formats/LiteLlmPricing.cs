using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// LiteLLM's price map → the structured fields. Prices are USD per token (×10⁶ to per million). Long-context tiers
/// (<c>*_above_128k_tokens</c>, <c>*_above_200k_tokens</c>, <c>tiered_pricing</c> ranges) follow LiteLLM's rule: once
/// the prompt exceeds the threshold the whole request takes the tier price (<see cref="TierRule.WholeRequest"/>).
/// </summary>
internal static class LiteLlmPricing
{
    private static readonly (string Suffix, long Threshold)[] TierSuffixes = [("_above_128k_tokens", 128_000), ("_above_200k_tokens", 200_000)];

    public static bool TryApply(JsonElement record, CatalogModel model, ref string? error)
    {
        bool ok = TryTokens(record, string.Empty, out var tokens, ref error)
            & JsonFields.TryDecimal(record, "input_cost_per_request", out var perRequest, ref error)
            & JsonFields.TryDecimal(record, "input_cost_per_image", out var perImage, ref error)
            & StructuredFields.TryPerMillion(record, "input_cost_per_token_batches", out var batchInput, ref error)
            & StructuredFields.TryPerMillion(record, "output_cost_per_token_batches", out var batchOutput, ref error)
            & TryTiers(record, out var tiers, ref error)
            & JsonFields.TryBool(record, "supports_function_calling", out var tools, ref error)
            & JsonFields.TryBool(record, "supports_vision", out var vision, ref error)
            & JsonFields.TryBool(record, "supports_reasoning", out var reasoning, ref error)
            & JsonFields.TryBool(record, "supports_response_schema", out var structured, ref error)
            & JsonFields.TryBool(record, "supports_prompt_caching", out var caching, ref error)
            & JsonFields.TryBool(record, "supports_pdf_input", out var pdf, ref error)
            & StructuredFields.TryStrings(record, "supported_modalities", out var inputs, ref error)
            & StructuredFields.TryStrings(record, "supported_output_modalities", out var outputs, ref error)
            & StructuredFields.TryDate(record, "deprecation_date", out var retires, ref error)
            & JsonFields.TryInt(record, "max_input_tokens", out var maxInput, ref error);
        if (!ok)
        {
            return false;
        }

        model.MaxInputTokens = maxInput;
        model.Pricing = StructuredFields.OrNull(new ModelPricing
        {
            Tokens = tokens,
            Tiers = tiers,
            PerRequest = perRequest,
            PerImage = perImage,
            BatchInputPerMillion = batchInput,
            BatchOutputPerMillion = batchOutput,
        });
        model.Capabilities = StructuredFields.OrNull(new ModelCapabilities
        {
            InputModalities = inputs,
            OutputModalities = outputs,
            ToolCalls = tools,
            Vision = vision,
            Reasoning = reasoning,
            StructuredOutput = structured,
            PromptCaching = caching,
            Attachments = pdf,
        });
        model.Lifecycle = StructuredFields.OrNull(new ModelLifecycle { RetiresAt = retires });
        return true;
    }

    // The token prices with a field-name suffix: "" for the base prices, "_above_200k_tokens" for a tier.
    private static bool TryTokens(JsonElement record, string suffix, out TokenPrices prices, ref string? error)
    {
        bool ok = StructuredFields.TryPerMillion(record, "input_cost_per_token" + suffix, out var input, ref error)
            & StructuredFields.TryPerMillion(record, "output_cost_per_token" + suffix, out var output, ref error)
            & StructuredFields.TryPerMillion(record, "cache_read_input_token_cost" + suffix, out var cacheRead, ref error)
            & StructuredFields.TryPerMillion(record, "cache_creation_input_token_cost" + suffix, out var cacheWrite, ref error)
            & StructuredFields.TryPerMillion(record, "cache_creation_input_token_cost_above_1hr" + suffix, out var cacheWrite1h, ref error)
            & StructuredFields.TryPerMillion(record, "output_cost_per_reasoning_token" + suffix, out var reasoning, ref error)
            & StructuredFields.TryPerMillion(record, "input_cost_per_audio_token" + suffix, out var audioInput, ref error)
            & StructuredFields.TryPerMillion(record, "output_cost_per_audio_token" + suffix, out var audioOutput, ref error);
        prices = new TokenPrices
        {
            InputPerMillion = input,
            OutputPerMillion = output,
            CacheReadPerMillion = cacheRead,
            CacheWritePerMillion = cacheWrite,
            CacheWrite1HourPerMillion = cacheWrite1h,
            ReasoningPerMillion = reasoning,
            AudioInputPerMillion = audioInput,
            AudioOutputPerMillion = audioOutput,
        };
        return ok;
    }

    private static bool TryTiers(JsonElement record, out IReadOnlyList<PriceTier> tiers, ref string? error)
    {
        tiers = [];
        var found = new List<PriceTier>();
        bool ok = true;
        foreach (var (suffix, threshold) in TierSuffixes)
        {
            ok &= TryTokens(record, suffix, out var prices, ref error);
            found.Add(new PriceTier(threshold, prices));
        }

        // tiered_pricing: [{"range": [from, to], "input_cost_per_token": ...}]; the range starting at 0 is the base price.
        if (record.TryGetProperty("tiered_pricing", out var ranges) && ranges.ValueKind == JsonValueKind.Array)
        {
            foreach (var range in ranges.EnumerateArray())
            {
                if (range.ValueKind != JsonValueKind.Object || !range.TryGetProperty("range", out var bounds)
                    || bounds.ValueKind != JsonValueKind.Array || bounds.GetArrayLength() == 0 || !bounds[0].TryGetDecimal(out var from))
                {
                    error ??= "field 'tiered_pricing' holds an entry without a numeric 'range'";
                    return false;
                }

                ok &= TryTokens(range, string.Empty, out var prices, ref error);
                if (from > 0 && from <= long.MaxValue)
                {
                    found.Add(new PriceTier((long)from, prices));
                }
            }
        }

        tiers = StructuredFields.Tiers(found);
        return ok;
    }
}
