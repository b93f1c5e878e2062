using System.Text.Json;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Cli.Output;

/// <summary>The <c>sync --json</c> document: every model with its field changes, every rejection and alias.</summary>
internal static class SyncReportJson
{
    public static void Write(Utf8JsonWriter writer, SyncReport report, CatalogFormat? format, bool formatDetected)
    {
        writer.WriteStartObject();
        if (format is { } known)
        {
            writer.WriteString("format", CatalogImporter.Name(known));
        }

        writer.WriteBoolean("format_detected", formatDetected);
        writer.WriteString("mode", Names.Snake(report.Mode));
        writer.WriteBoolean("dry_run", report.DryRun);
        writer.WriteString("source", report.SourceName);
        writer.WriteString("source_version", report.SourceVersion);
        writer.WriteNumber("created", report.Created);
        writer.WriteNumber("updated", report.Updated);
        writer.WriteNumber("unchanged", report.Unchanged);
        writer.WriteNumber("skipped", report.Skipped);
        writer.WriteNumber("rejected", report.Rejected);
        writer.WriteNumber("aliases", report.AliasCount);
        writer.WriteNumber("missing_upstream", report.MissingUpstream);
        writer.WriteNumber("removed", report.Removed);
        writer.WriteNumber("deactivated", report.Deactivated);
        writer.WriteNumber("owned_by_other_source", report.OwnedByOtherSource);
        writer.WriteNumber("writes", report.Writes);
        if (report.RemovalRefusedReason is { } refused)
        {
            writer.WriteString("removal_refused", refused);
        }

        writer.WriteStartArray("models");
        foreach (var model in report.Models)
        {
            writer.WriteStartObject();
            writer.WriteString("id", model.Id.ToString());
            writer.WriteString("outcome", Names.Snake(model.Outcome));
            writer.WriteStartArray("changes");
            foreach (var change in model.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", Names.Snake(change.Field));
                writer.WritePropertyName("old");
                FieldValueJson.Write(writer, change.OldValue);
                writer.WritePropertyName("new");
                FieldValueJson.Write(writer, change.NewValue);
                writer.WriteString("decision", Names.Snake(change.Decision));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rejections");
        foreach (var rejection in report.Rejections)
        {
            writer.WriteStartObject();
            if (rejection.Key is not null)
            {
                writer.WriteString("id", rejection.Key);
            }

            if (rejection.Index is { } index)
            {
                writer.WriteNumber("index", index);
            }

            writer.WriteString("reason", rejection.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("aliases");
        foreach (var alias in report.Aliases)
        {
            writer.WriteStartObject();
            writer.WriteString("id", alias.Id.ToString());
            writer.WriteString("key", alias.Key);
            writer.WriteString("kept_key", alias.KeptKey);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
