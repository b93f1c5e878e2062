using System.CommandLine;
using System.Globalization;
using ModelCatalog.Cli.Output;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog show &lt;id&gt;</c>: one model with its sync state.</summary>
internal sealed class ShowCommand : ICliCommand
{
    private readonly StoreOptions _store = new();
    private readonly Argument<UnifiedModelId> _id = IdArgument.Create();

    public ShowCommand()
    {
        Command = new Command("show", "Show one model and its sync state.");
        Command.Arguments.Add(_id);
        _store.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(_id);
        var (ok, stored) = await _store.ReadAsync(parse, console, store => store.FindAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        if (stored is null)
        {
            console.Error($"error: no model '{id}' in the catalog (IDs are case-sensitive).");
            return ExitCodes.Failure;
        }

        if (parse.GetValue(_store.Json))
        {
            JsonOutput.Write(console.Out, writer => ModelJson.Write(writer, stored));
            return ExitCodes.Ok;
        }

        var m = stored.Model;
        var table = new TextTable("field", "value");
        table.Add("id", m.Id.ToString());
        foreach (var field in CatalogModel.Merger.Fields)
        {
            table.Add($"{Names.Snake(field.Name)} ({field.Policy.ToString().ToLowerInvariant()})", FieldValueJson.Format(CatalogFieldValues.Get(m, field.Name)));
        }

        table.Add("last_synced_at", stored.SyncState.LastSyncedAt?.ToString("u", CultureInfo.InvariantCulture));
        table.Add("source", stored.SyncState.SourceName);
        table.Add("source_version", stored.SyncState.SourceVersion);
        table.Add("missing_upstream_since", stored.SyncState.MissingUpstreamSince?.ToString("u", CultureInfo.InvariantCulture));
        table.Add("version", stored.Version.ToString(CultureInfo.InvariantCulture));
        table.WriteTo(console.Out);
        return ExitCodes.Ok;
    }
}
