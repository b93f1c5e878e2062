using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Reads OpenRouter's <c>/api/v1/models</c> response (a bare array or <c>{"data": [...]}</c>). Every model is offered
/// through OpenRouter, so the unified ID is <c>openrouter/{id}</c> (<c>openrouter/meta-llama/llama-3.1-70b-instruct</c>).
/// Prices are strings in USD per token; <c>"-1"</c> (variable-price router models) becomes no price.
/// </summary>
internal static class OpenRouterCatalogReader
{
    public const string ProviderId = "openrouter";

    public static void Read(JsonElement root, SnapshotBuilder builder)
    {
        var data = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("data", out data))
            {
                throw new CatalogFormatException("An OpenRouter models response is an array or an object with a 'data' array; this object has no 'data'.");
            }
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException($"An OpenRouter models response holds an array of models, not {JsonFields.Describe(data)}.");
        }

        foreach (var record in data.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                builder.Reject(null, $"the entry is {JsonFields.Describe(record)}, not an object");
                continue;
            }

            string? error = null;
            JsonElement pricing = default;
            JsonElement topProvider = default;
            bool ok = JsonFields.TryString(record, "id", out var key, ref error)
                & JsonFields.TryString(record, "name", out var name, ref error)
                & JsonFields.TryString(record, "description", out var description, ref error)
                & JsonFields.TryInt(record, "context_length", out var context, ref error);
            decimal? prompt = null, completion = null;
            int? maxOutput = null;
            if (record.TryGetProperty("pricing", out pricing) && pricing.ValueKind == JsonValueKind.Object)
            {
                ok &= JsonFields.TryDecimal(pricing, "prompt", out prompt, ref error) & JsonFields.TryDecimal(pricing, "completion", out completion, ref error);
            }

            if (record.TryGetProperty("top_provider", out topProvider) && topProvider.ValueKind == JsonValueKind.Object)
            {
                ok &= JsonFields.TryInt(topProvider, "max_completion_tokens", out maxOutput, ref error);
            }

            prompt = prompt < 0 ? null : prompt;
            completion = completion < 0 ? null : completion;
            decimal? promptPerMillion = null, completionPerMillion = null;
            ok = ok
                && JsonFields.TryPerMillion(prompt, "pricing.prompt", out promptPerMillion, ref error)
                && JsonFields.TryPerMillion(completion, "pricing.completion", out completionPerMillion, ref error);
            if (!ok || string.IsNullOrEmpty(key))
            {
                builder.Reject(key, error ?? "the entry has no 'id'", SnapshotBuilder.IdOrEmpty(ProviderId, key));
                continue;
            }

            if (!builder.TryCreateId(key, ProviderId, key, out var id))
            {
                continue;
            }

            string? modality = record.TryGetProperty("architecture", out var architecture) && architecture.ValueKind == JsonValueKind.Object
                && architecture.TryGetProperty("modality", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            builder.Add(key, record, OpenRouterPricing.TryApply, new CatalogModel
            {
                Id = id,
                DisplayName = string.IsNullOrEmpty(name) ? key : name,
                Description = description,
                CostPerUnit = prompt,
                UnitType = prompt is null ? null : "token",
                Config = record.Clone(),
                Provider = ProviderId,
                ModelType = modality,
                InputCostPerMillionTokens = promptPerMillion,
                OutputCostPerMillionTokens = completionPerMillion,
                ContextWindow = context,
                MaxOutputTokens = maxOutput,
            });
        }
    }
}
