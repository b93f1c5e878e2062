using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// Reads ModelCatalog's own catalog file: <c>{"source", "version", "models": [{"id", "display_name", "description",
/// "cost_per_unit", "unit_type", "credits_per_unit", "config", "provider", "model_type", "is_active", "is_visible",
/// "is_beta", "input_cost_per_million_tokens", "output_cost_per_million_tokens", "context_window",
/// "max_output_tokens"}]}</c>. Numbers are read as exact decimals. The local fields set the initial values of new
/// models (and are applied by Force); Smart never applies them to existing models.
/// </summary>
internal static class NativeCatalogReader
{
    public static (string? Source, string? Version) Read(JsonElement root, SnapshotBuilder builder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogFormatException($"A ModelCatalog file is a JSON object with a 'models' array, not {JsonFields.Describe(root)}.");
        }

        string? error = null;
        if (!JsonFields.TryString(root, "source", out var source, ref error) | !JsonFields.TryString(root, "version", out var version, ref error))
        {
            throw new CatalogFormatException($"The catalog file's {error}.");
        }

        if (!root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogFormatException("A ModelCatalog file needs a 'models' array.");
        }

        foreach (var record in models.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                builder.Reject(null, $"the entry is {JsonFields.Describe(record)}, not an object");
                continue;
            }

            error = null;
            bool ok = JsonFields.TryString(record, "id", out var key, ref error)
                & JsonFields.TryString(record, "display_name", out var displayName, ref error)
                & JsonFields.TryString(record, "description", out var description, ref error)
                & JsonFields.TryDecimal(record, "cost_per_unit", out var cost, ref error)
                & JsonFields.TryString(record, "unit_type", out var unit, ref error)
                & JsonFields.TryDecimal(record, "credits_per_unit", out var credits, ref error)
                & JsonFields.TryObject(record, "config", out var config, ref error)
                & JsonFields.TryString(record, "provider", out var provider, ref error)
                & JsonFields.TryString(record, "model_type", out var modelType, ref error)
                & JsonFields.TryBool(record, "is_active", out var active, ref error)
                & JsonFields.TryBool(record, "is_visible", out var visible, ref error)
                & JsonFields.TryBool(record, "is_beta", out var beta, ref error)
                & JsonFields.TryDecimal(record, "input_cost_per_million_tokens", out var inputPerMillion, ref error)
                & JsonFields.TryDecimal(record, "output_cost_per_million_tokens", out var outputPerMillion, ref error)
                & JsonFields.TryInt(record, "context_window", out var context, ref error)
                & JsonFields.TryInt(record, "max_output_tokens", out var maxOutput, ref error);
            if (!ok)
            {
                builder.Reject(key, error!, UnifiedModelId.TryParse(key, out var known) ? known : default);
                continue;
            }

            if (key is null)
            {
                builder.Reject(null, "the entry has no 'id'");
                continue;
            }

            if (!UnifiedModelId.TryParse(key, out var id, out var idError, out int position))
            {
                builder.Reject(key, $"'{key}' is not a unified model ID: {idError.Describe(position)}");
                continue;
            }

            builder.Add(key, record, NativeStructuredFields.TryApply, new CatalogModel
            {
                Id = id,
                DisplayName = displayName ?? id.ModelName,
                Description = description,
                CostPerUnit = cost,
                UnitType = unit,
                CreditsPerUnit = credits,
                Config = config,
                Provider = provider,
                ModelType = modelType,
                InputCostPerMillionTokens = inputPerMillion,
                OutputCostPerMillionTokens = outputPerMillion,
                ContextWindow = context,
                MaxOutputTokens = maxOutput,
                IsActive = active ?? true,
                IsVisible = visible ?? true,
                IsBeta = beta ?? false,
            });
        }

        return (source, version);
    }
}
