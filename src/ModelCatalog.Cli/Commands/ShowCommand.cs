using System.CommandLine;
using System.Globalization;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store.Direct;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog show &lt;id&gt;</c>: one model with its sync state.</summary>
internal sealed class ShowCommand : ModelIdCommand
{
    public ShowCommand()
        : base("show", "Show one model and its sync state.")
    {
    }

    public override async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        var (ok, stored) = await Store.ReadAsync(parse, console, store => store.FindAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        if (stored is null)
        {
            console.Error($"error: no model '{id}' in the catalog (IDs are case-sensitive).");
            return ExitCodes.Failure;
        }

        if (parse.GetValue(Store.Json))
        {
            JsonOutput.Write(console.Raw, writer => ModelJson.Write(writer, stored));
            return ExitCodes.Ok;
        }

        var m = stored.Model;
        var table = Tables.Create("field", "value");
        table.Add("id", m.Id.ToString());
        foreach (var field in CatalogModel.Merger.Fields)
        {
            table.Add($"{Names.Snake(field.Name)} ({field.Policy.ToString().ToLowerInvariant()})", DisplayValue.Of(CatalogModelColumns.Get(m, field.Name)));
        }

        table.Add("last_synced_at", stored.SyncState.LastSyncedAt?.ToString("u", CultureInfo.InvariantCulture));
        table.Add("source", stored.SyncState.SourceName);
        table.Add("source_version", stored.SyncState.SourceVersion);
        table.Add("missing_upstream_since", stored.SyncState.MissingUpstreamSince?.ToString("u", CultureInfo.InvariantCulture));
        table.Add("version", stored.Version.ToString(CultureInfo.InvariantCulture));
        console.Out.Write(table.Fit(console.Out, 2, 3));
        return ExitCodes.Ok;
    }
}
