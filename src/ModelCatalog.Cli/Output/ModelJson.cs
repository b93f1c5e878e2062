using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Output;

/// <summary>
/// Writes a stored model as the native file's fields (snake_case) plus <c>provider_id</c>, <c>model_name</c>,
/// <c>last_synced_at</c>, <c>source</c> and <c>source_version</c>: the shape of <c>list --json</c> and <c>show --json</c>.
/// </summary>
internal static class ModelJson
{
    public static void Write(Utf8JsonWriter writer, StoredModel<CatalogModel> stored)
    {
        var m = stored.Model;
        writer.WriteStartObject();
        writer.WriteString("id", m.Id.ToString());
        writer.WriteString("provider_id", m.Id.ProviderId);
        writer.WriteString("model_name", m.Id.ModelName);
        writer.WriteString("display_name", m.DisplayName);
        writer.WriteString("description", m.Description);
        WriteNumber(writer, "cost_per_unit", m.CostPerUnit);
        writer.WriteString("unit_type", m.UnitType);
        WriteNumber(writer, "credits_per_unit", m.CreditsPerUnit);
        writer.WritePropertyName("config");
        if (m.Config is { } config)
        {
            config.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("provider", m.Provider);
        writer.WriteString("model_type", m.ModelType);
        WriteNumber(writer, "input_cost_per_million_tokens", m.InputCostPerMillionTokens);
        WriteNumber(writer, "output_cost_per_million_tokens", m.OutputCostPerMillionTokens);
        WriteNumber(writer, "context_window", m.ContextWindow);
        WriteNumber(writer, "max_output_tokens", m.MaxOutputTokens);
        WriteNumber(writer, "max_input_tokens", m.MaxInputTokens);
        writer.WritePropertyName("pricing");
        FieldValueJson.Write(writer, m.Pricing);
        writer.WritePropertyName("capabilities");
        FieldValueJson.Write(writer, m.Capabilities);
        writer.WritePropertyName("lifecycle");
        FieldValueJson.Write(writer, m.Lifecycle);
        writer.WriteBoolean("is_active", m.IsActive);
        writer.WriteBoolean("is_visible", m.IsVisible);
        writer.WriteBoolean("is_beta", m.IsBeta);
        if (stored.SyncState.LastSyncedAt is { } synced)
        {
            writer.WriteString("last_synced_at", synced);
        }
        else
        {
            writer.WriteNull("last_synced_at");
        }

        writer.WriteString("source", stored.SyncState.SourceName);
        writer.WriteString("source_version", stored.SyncState.SourceVersion);
        if (stored.SyncState.MissingUpstreamSince is { } missing)
        {
            writer.WriteString("missing_upstream_since", missing);
        }

        writer.WriteNumber("version", stored.Version);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
