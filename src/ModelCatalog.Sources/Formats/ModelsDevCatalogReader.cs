using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Reads the models.dev catalog (provider → <c>{"name", ..., "models": {model id → record}}</c>). The unified ID is
/// <c>normalize(provider key)/model id</c> (<c>amazon-bedrock</c> → <c>amazon_bedrock</c>). Costs are USD per million tokens.
/// </summary>
internal static class ModelsDevCatalogReader
{
    // models.dev has no "mode"; the output modalities say what a model produces ("text" → chat).
    private static string? ModelType(JsonElement record)
    {
        if (!record.TryGetProperty("modalities", out var modalities) || modalities.ValueKind != JsonValueKind.Object
            || !modalities.TryGetProperty("output", out var outputs) || outputs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? first = null;
        foreach (var output in outputs.EnumerateArray())
        {
            if (output.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (output.ValueEquals("text"))
            {
                return "chat";
            }

            first ??= output.GetString();
        }

        return first;
    }

    public static void Read(JsonElement root, SnapshotBuilder builder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException($"A models.dev catalog is a JSON object of provider → provider record, not {JsonFields.Describe(root)}.");
        }

        foreach (var providerEntry in root.EnumerateObject())
        {
            var provider = providerEntry.Value;
            if (provider.ValueKind != JsonValueKind.Object || !provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Object)
            {
                builder.Reject(providerEntry.Name, "the provider record is not an object with a 'models' object");
                continue;
            }

            string providerName = provider.TryGetProperty("name", out var pn) && pn.ValueKind == JsonValueKind.String ? pn.GetString()! : providerEntry.Name;
            string providerId = ProviderIdNormalizer.Normalize(providerEntry.Name);
            foreach (var modelEntry in models.EnumerateObject())
            {
                string key = providerEntry.Name + "/" + modelEntry.Name;
                var record = modelEntry.Value;
                if (record.ValueKind != JsonValueKind.Object)
                {
                    builder.Reject(key, $"the record is {JsonFields.Describe(record)}, not an object");
                    continue;
                }

                string? error = null;
                decimal? input = null, output = null;
                int? context = null, maxOutput = null;
                bool ok = JsonFields.TryString(record, "name", out var name, ref error);
                if (record.TryGetProperty("cost", out var cost) && cost.ValueKind == JsonValueKind.Object)
                {
                    ok &= JsonFields.TryDecimal(cost, "input", out input, ref error) & JsonFields.TryDecimal(cost, "output", out output, ref error);
                }

                if (record.TryGetProperty("limit", out var limit) && limit.ValueKind == JsonValueKind.Object)
                {
                    ok &= JsonFields.TryInt(limit, "context", out context, ref error) & JsonFields.TryInt(limit, "output", out maxOutput, ref error);
                }

                if (!ok)
                {
                    builder.Reject(key, error!, SnapshotBuilder.IdOrEmpty(providerId, modelEntry.Name));
                    continue;
                }

                if (!builder.TryCreateId(key, providerId, modelEntry.Name, out var id))
                {
                    continue;
                }

                builder.Add(key, record, ModelsDevPricing.TryApply, new CatalogModel
                {
                    Id = id,
                    DisplayName = string.IsNullOrEmpty(name) ? modelEntry.Name : name,
                    CostPerUnit = input / 1_000_000m,
                    UnitType = input is null ? null : "token",
                    Config = record.Clone(),
                    Provider = providerName,
                    ModelType = ModelType(record),
                    InputCostPerMillionTokens = input,
                    OutputCostPerMillionTokens = output,
                    ContextWindow = context,
                    MaxOutputTokens = maxOutput,
                });
            }
        }
    }
}
