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
            JsonOutput.Write(console.Out, writer => WriteJson(writer, history));
            return ExitCodes.Ok;
        }

        if (history.Count == 0)
        {
            console.Out.WriteLine($"No history for '{id}'.");
            return ExitCodes.Ok;
        }

        var table = new TextTable("at", "kind", "by", "field", "change", "decision");
        foreach (var entry in history)
        {
            string at = entry.At.ToString("u", CultureInfo.InvariantCulture), kind = Names.Snake(entry.Kind);
            string by = entry.SourceName is null ? "admin" : $"{entry.SourceName} {entry.SourceVersion}";
            if (entry.Changes.Count == 0)
            {
                table.Add(at, kind, by);
            }

            foreach (var c in entry.Changes)
            {
                string values = ChangeText.Values(c.Decision, ChangeText.Shorten(DisplayValue.FromJson(c.OldValueJson)), ChangeText.Shorten(DisplayValue.FromJson(c.NewValueJson)));
                table.Add(at, kind, by, Names.Snake(c.Field), values, ChangeText.Decision(c.Decision));
            }
        }

        table.WriteTo(console.Out);
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
