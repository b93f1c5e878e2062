using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Reads LiteLLM's price map. The unified ID is <c>normalize(litellm_provider)/model</c>, where <c>model</c> is the key
/// with its first segment removed when that segment starts the provider name (<c>bedrock/us-east-1/x</c> under
/// <c>bedrock</c> → <c>bedrock/us-east-1/x</c>; <c>gpt-4o</c> under <c>openai</c> → <c>openai/gpt-4o</c>). The
/// documentation entry <c>sample_spec</c> is skipped. Prices are USD per token.
/// </summary>
internal static class LiteLlmCatalogReader
{
    public static void Read(JsonElement root, SnapshotBuilder builder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException($"A LiteLLM price map is a JSON object of model key → record, not {JsonFields.Describe(root)}.");
        }

        foreach (var entry in root.EnumerateObject())
        {
            string key = entry.Name;
            if (key == "sample_spec")
            {
                builder.Skip();
                continue;
            }

            var record = entry.Value;
            if (record.ValueKind != JsonValueKind.Object)
            {
                builder.Reject(key, $"the record is {JsonFields.Describe(record)}, not an object");
                continue;
            }

            string? error = null;
            bool ok = JsonFields.TryString(record, "litellm_provider", out var provider, ref error)
                & JsonFields.TryString(record, "mode", out var mode, ref error)
                & JsonFields.TryDecimal(record, "input_cost_per_token", out var input, ref error)
                & JsonFields.TryDecimal(record, "output_cost_per_token", out var output, ref error)
                & JsonFields.TryDecimal(record, "input_cost_per_image", out var perImage, ref error)
                & JsonFields.TryDecimal(record, "output_cost_per_image", out var perOutputImage, ref error)
                & JsonFields.TryDecimal(record, "input_cost_per_second", out var perSecond, ref error)
                & JsonFields.TryDecimal(record, "input_cost_per_character", out var perCharacter, ref error)
                & JsonFields.TryInt(record, "max_input_tokens", out var maxInput, ref error)
                & JsonFields.TryInt(record, "max_tokens", out var maxTokens, ref error)
                & JsonFields.TryInt(record, "max_output_tokens", out var maxOutput, ref error);
            decimal? inputPerMillion = null, outputPerMillion = null;
            ok = ok
                && JsonFields.TryPerMillion(input, "input_cost_per_token", out inputPerMillion, ref error)
                && JsonFields.TryPerMillion(output, "output_cost_per_token", out outputPerMillion, ref error);
            string modelName = key;
            int slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && provider is not null && provider.StartsWith(key[..slash], StringComparison.Ordinal))
            {
                modelName = key[(slash + 1)..];
            }

            if (!ok)
            {
                // The ID can still be told from the key and provider: that model is rejected, not missing upstream.
                builder.Reject(key, error!, SnapshotBuilder.IdOrEmpty(provider is null ? null : ProviderIdNormalizer.Normalize(provider), modelName));
                continue;
            }

            if (string.IsNullOrEmpty(provider))
            {
                builder.Reject(key, "the record has no 'litellm_provider'");
                continue;
            }

            if (!builder.TryCreateId(key, ProviderIdNormalizer.Normalize(provider), modelName, out var id))
            {
                continue;
            }

            var (cost, unit) = (input, perImage ?? perOutputImage, perSecond, perCharacter) switch
            {
                ({ } token, _, _, _) => (token, "token"),
                (null, { } image, _, _) => (image, "image"),
                (null, null, { } second, _) => (second, "second"),
                (null, null, null, { } character) => ((decimal?)character, "character"),
                _ => ((decimal?)null, (string?)null),
            };

            builder.Add(key, record, LiteLlmPricing.TryApply, new CatalogModel
            {
                Id = id,
                DisplayName = modelName,
                CostPerUnit = cost,
                UnitType = unit,
                Config = record.Clone(),
                Provider = provider,
                ModelType = mode,
                InputCostPerMillionTokens = inputPerMillion,
                OutputCostPerMillionTokens = outputPerMillion,
                ContextWindow = maxInput ?? maxTokens,
                MaxOutputTokens = maxOutput,
            });
        }
    }
}
