using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// The models.dev record → the structured fields. <c>cost</c> is already USD per million tokens (no conversion);
/// <c>context_over_200k</c> and each <c>tiers</c> entry (<c>{"tier": {"size": N}}</c>) is a long-context tier that
/// applies to the whole request once the prompt exceeds the size (<see cref="TierRule.WholeRequest"/>). The spellings
/// some providers use (<c>cached_input</c>, <c>cache_input</c> for <c>cache_read</c>; <c>cached_write</c> for
/// <c>cache_write</c>) are read too. models.dev has no 1-hour cache-write, per-image or batch price and no dates.
/// </summary>
internal static class ModelsDevPricing
{
    public static bool TryApply(JsonElement record, CatalogModel model, ref string? error)
    {
        bool ok = true;
        TokenPrices tokens = TokenPrices.None;
        decimal? perRequest = null;
        var tiers = new List<PriceTier>();
        if (record.TryGetProperty("cost", out var cost) && cost.ValueKind == JsonValueKind.Object)
        {
            ok = TryTokens(cost, out tokens, ref error) & JsonFields.TryDecimal(cost, "request", out perRequest, ref error);
            if (cost.TryGetProperty("context_over_200k", out var over) && over.ValueKind == JsonValueKind.Object)
            {
                ok &= TryTokens(over, out var prices, ref error);
                tiers.Add(new PriceTier(200_000, prices));
            }

            if (cost.TryGetProperty("tiers", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var tier in list.EnumerateArray())
                {
                    if (tier.ValueKind != JsonValueKind.Object || !tier.TryGetProperty("tier", out var spec) || spec.ValueKind != JsonValueKind.Object
                        || !spec.TryGetProperty("size", out var size) || !size.TryGetInt64(out long threshold))
                    {
                        error ??= "field 'cost.tiers' holds an entry without a whole-number 'tier.size'";
                        return false;
                    }

                    ok &= TryTokens(tier, out var prices, ref error);
                    tiers.Add(new PriceTier(threshold, prices));
                }
            }
        }

        IReadOnlyList<string>? inputs = null, outputs = null;
        if (record.TryGetProperty("modalities", out var modalities) && modalities.ValueKind == JsonValueKind.Object)
        {
            ok &= StructuredFields.TryStrings(modalities, "input", out inputs, ref error) & StructuredFields.TryStrings(modalities, "output", out outputs, ref error);
        }

        int? maxInput = null;
        if (record.TryGetProperty("limit", out var limit) && limit.ValueKind == JsonValueKind.Object)
        {
            ok &= JsonFields.TryInt(limit, "input", out maxInput, ref error);
        }

        ok &= JsonFields.TryBool(record, "tool_call", out var tools, ref error)
            & JsonFields.TryBool(record, "reasoning", out var reasoning, ref error)
            & JsonFields.TryBool(record, "structured_output", out var structured, ref error)
            & JsonFields.TryBool(record, "attachment", out var attachments, ref error)
            & JsonFields.TryString(record, "status", out var status, ref error);
        if (!ok)
        {
            return false;
        }

        model.MaxInputTokens = maxInput;
        model.Pricing = StructuredFields.OrNull(new ModelPricing { Tokens = tokens, Tiers = StructuredFields.Tiers(tiers), PerRequest = perRequest });
        model.Capabilities = StructuredFields.OrNull(new ModelCapabilities
        {
            InputModalities = inputs,
            OutputModalities = outputs,
            Vision = StructuredFields.Contains(inputs, "image"),
            ToolCalls = tools,
            Reasoning = reasoning,
            StructuredOutput = structured,
            Attachments = attachments,
        });
        model.Lifecycle = StructuredFields.OrNull(new ModelLifecycle
        {
            Status = status switch
            {
                "alpha" => ModelStatus.Alpha,
                "beta" => ModelStatus.Beta,
                "deprecated" => ModelStatus.Deprecated,
                _ => null,
            },
        });
        return true;
    }

    private static bool TryTokens(JsonElement cost, out TokenPrices prices, ref string? error)
    {
        bool ok = JsonFields.TryDecimal(cost, "input", out var input, ref error)
            & JsonFields.TryDecimal(cost, "output", out var output, ref error)
            & JsonFields.TryDecimal(cost, "cache_read", out var cacheRead, ref error)
            & JsonFields.TryDecimal(cost, "cached_input", out var cachedInput, ref error)
            & JsonFields.TryDecimal(cost, "cache_input", out var cacheInput, ref error)
            & JsonFields.TryDecimal(cost, "cache_write", out var cacheWrite, ref error)
            & JsonFields.TryDecimal(cost, "cached_write", out var cachedWrite, ref error)
            & JsonFields.TryDecimal(cost, "reasoning", out var reasoning, ref error)
            & JsonFields.TryDecimal(cost, "input_audio", out var audioInput, ref error)
            & JsonFields.TryDecimal(cost, "output_audio", out var audioOutput, ref error);
        prices = new TokenPrices
        {
            InputPerMillion = input,
            OutputPerMillion = output,
            CacheReadPerMillion = cacheRead ?? cachedInput ?? cacheInput,
            CacheWritePerMillion = cacheWrite ?? cachedWrite,
            ReasoningPerMillion = reasoning,
            AudioInputPerMillion = audioInput,
            AudioOutputPerMillion = audioOutput,
        };
        return ok;
    }
}
