using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// OpenRouter's model record → the structured fields. <c>pricing</c> values are strings in USD per token (×10⁶ to per
/// million; <c>request</c> per request, <c>image</c> per input image); a negative value (<c>"-1"</c>, variable-price
/// routers) is unknown. OpenRouter states no long-context tiers and no batch prices.
/// </summary>
internal static class OpenRouterPricing
{
    public static bool TryApply(JsonElement record, CatalogModel model, ref string? error)
    {
        decimal? input = null, output = null, cacheRead = null, cacheWrite = null, reasoning = null, audio = null, perRequest = null, perImage = null;
        bool ok = true;
        if (record.TryGetProperty("pricing", out var pricing) && pricing.ValueKind == JsonValueKind.Object)
        {
            ok = TryPrice(pricing, "prompt", perMillion: true, out input, ref error)
                & TryPrice(pricing, "completion", perMillion: true, out output, ref error)
                & TryPrice(pricing, "input_cache_read", perMillion: true, out cacheRead, ref error)
                & TryPrice(pricing, "input_cache_write", perMillion: true, out cacheWrite, ref error)
                & TryPrice(pricing, "internal_reasoning", perMillion: true, out reasoning, ref error)
                & TryPrice(pricing, "audio", perMillion: true, out audio, ref error)
                & TryPrice(pricing, "request", perMillion: false, out perRequest, ref error)
                & TryPrice(pricing, "image", perMillion: false, out perImage, ref error);
        }

        IReadOnlyList<string>? inputs = null, outputs = null;
        if (record.TryGetProperty("architecture", out var architecture) && architecture.ValueKind == JsonValueKind.Object)
        {
            ok &= StructuredFields.TryStrings(architecture, "input_modalities", out inputs, ref error)
                & StructuredFields.TryStrings(architecture, "output_modalities", out outputs, ref error);
        }

        ok &= StructuredFields.TryStrings(record, "supported_parameters", out var parameters, ref error)
            & StructuredFields.TryDate(record, "expiration_date", out var retires, ref error);
        if (!ok)
        {
            return false;
        }

        model.Pricing = StructuredFields.OrNull(new ModelPricing
        {
            Tokens = new TokenPrices
            {
                InputPerMillion = input,
                OutputPerMillion = output,
                CacheReadPerMillion = cacheRead,
                CacheWritePerMillion = cacheWrite,
                ReasoningPerMillion = reasoning,
                AudioInputPerMillion = audio,
            },
            PerRequest = perRequest,
            PerImage = perImage,
        });

        // supported_parameters is the full list of request parameters, so a missing one means "not supported".
        model.Capabilities = StructuredFields.OrNull(new ModelCapabilities
        {
            InputModalities = inputs,
            OutputModalities = outputs,
            Vision = StructuredFields.Contains(inputs, "image"),
            Attachments = StructuredFields.Contains(inputs, "file"),
            ToolCalls = StructuredFields.Contains(parameters, "tools"),
            Reasoning = StructuredFields.Contains(parameters, "reasoning"),
            StructuredOutput = StructuredFields.Contains(parameters, "structured_outputs"),
        });
        model.Lifecycle = StructuredFields.OrNull(new ModelLifecycle { RetiresAt = retires });
        return true;
    }

    private static bool TryPrice(JsonElement pricing, string name, bool perMillion, out decimal? value, ref string? error)
    {
        value = null;
        string field = "pricing." + name;
        if (!pricing.TryGetProperty(name, out var element))
        {
            return true;
        }

        if (!JsonFields.TryDecimalValue(element, field, out var raw, ref error))
        {
            return false;
        }

        raw = raw < 0 ? null : raw;
        if (!perMillion)
        {
            value = raw;
            return true;
        }

        return JsonFields.TryPerMillion(raw, field, out value, ref error);
    }
}
