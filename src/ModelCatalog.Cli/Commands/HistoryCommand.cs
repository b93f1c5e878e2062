using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelCatalog.Cli.Output;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog history &lt;id&gt;</c>: what syncs and admins did to a model, oldest first.</summary>
internal sealed class HistoryCommand : ModelIdCommand
{
    public HistoryCommand()
        : base("history", "Show a model's change history.")
    {
    }

    public override async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        var (ok, history) = await Store.ReadAsync(parse, console, store => store.GetHistoryAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        if (parse.GetValue(Store.Json))
        {
            JsonOutput.Write(console.Raw, writer => WriteJson(writer, history));
            return ExitCodes.Ok;
        }

        if (history.Count == 0)
        {
            console.Line($"No history for '{id}'.");
            return ExitCodes.Ok;
        }

        var rows = new List<(string At, string By, string? Field, string? Values, string Decision)>();
        foreach (var entry in history)
        {
            string at = entry.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string by = entry.SourceName is null ? "admin" : $"{entry.SourceName} {entry.SourceVersion}";
            if (entry.Changes.Count == 0)
            {
                rows.Add((at, by, null, null, Names.Snake(entry.Kind)));
            }

            foreach (var c in entry.Changes)
            {
                string values = ChangeText.Values(c.Decision, ChangeText.Shorten(DisplayValue.FromJson(c.OldValueJson)), ChangeText.Shorten(DisplayValue.FromJson(c.NewValueJson)));
                rows.Add((at, by, Names.Snake(c.Field), values, ChangeText.Decision(c.Decision)));
            }
        }

        var table = Tables.Create("at", "by", "field", "old → new", "decision");
        foreach (var row in rows)
        {
            table.Add(row.At, row.By, row.Field, row.Values, row.Decision);
        }

        if (!table.FitsWithin(console.Out))
        {
            // Narrow: when and by whom share a cell, one above the other, so the values keep the width.
            table = Tables.Create("when, by", "field", "old → new", "decision");
            foreach (var row in rows)
            {
                table.Add($"{row.At}\n{row.By}", row.Field, row.Values, row.Decision);
            }
        }

        console.Out.Write(table.Fit(console.Out, 0, 2, 3, 0));
        return ExitCodes.Ok;
    }

    private static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<ModelHistoryEntry> history)
    {
        writer.WriteStartArray();
        foreach (var entry in history)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.ModelId.ToString());
            writer.WriteString("at", entry.At);
            writer.WriteString("kind", Names.Snake(entry.Kind));
            writer.WriteString("source", entry.SourceName);
            writer.WriteString("source_version", entry.SourceVersion);
            writer.WriteStartArray("changes");
            foreach (var change in entry.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", Names.Snake(change.Field));
                writer.WritePropertyName("old");
                writer.WriteRawValue(change.OldValueJson);
                writer.WritePropertyName("new");
                writer.WriteRawValue(change.NewValueJson);
                writer.WriteString("decision", Names.Snake(change.Decision));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
