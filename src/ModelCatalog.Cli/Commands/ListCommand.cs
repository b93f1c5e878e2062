using System.CommandLine;
using System.Globalization;
using ModelCatalog.Cli.Output;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog list</c>: the catalog, in unified ID order.</summary>
internal sealed class ListCommand : ICliCommand
{
    private readonly StoreOptions _store = new();
    private readonly Option<string> _provider = new("--provider") { Description = "Only this provider ID." };
    private readonly Option<bool> _activeOnly = new("--active-only") { Description = "Only active models." };

    public ListCommand()
    {
        Command = new Command("list", "List the models in the catalog.");
        Command.Options.Add(_provider);
        Command.Options.Add(_activeOnly);
        _store.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var query = new ModelQuery
        {
            ProviderId = parse.GetValue(_provider),
            IsActive = parse.GetValue(_activeOnly) ? true : null,
            Limit = ModelQuery.MaxLimit,
        };
        var (ok, models) = await _store.ReadAsync(parse, console, store => ListAllAsync(store, query, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        if (parse.GetValue(_store.Json))
        {
            JsonOutput.Write(console.Raw, writer =>
            {
                writer.WriteStartArray();
                foreach (var model in models)
                {
                    ModelJson.Write(writer, model);
                }

                writer.WriteEndArray();
            });
            return ExitCodes.Ok;
        }

        var table = Tables.Create("id", "display name", "state", "input $/M", "output $/M", "source");
        foreach (var stored in models)
        {
            var m = stored.Model;
            table.Add(m.Id.ToString(), m.DisplayName, State(m), Price(m.InputCostPerMillionTokens), Price(m.OutputCostPerMillionTokens), stored.SyncState.SourceName);
        }

        console.Out.Write(table.Fit(console.Out, 3, 2, 1, 1, 1, 1));
        console.Line($"{models.Count} models.");
        return ExitCodes.Ok;
    }

    private static async ValueTask<List<StoredModel<CatalogModel>>> ListAllAsync(IModelStore<CatalogModel> store, ModelQuery query, CancellationToken cancellationToken)
    {
        var models = new List<StoredModel<CatalogModel>>();
        while (true)
        {
            var page = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
            models.AddRange(page.Items);
            if (!page.HasMore)
            {
                return models;
            }

            query = query with { After = page.Next };
        }
    }

    // One short column instead of three yes/no ones, so the ID and the name keep the width.
    private static string State(CatalogModel m)
        => string.Join(", ", new[] { m.IsActive ? "active" : "inactive", m.IsVisible ? null : "hidden", m.IsBeta ? "beta" : null }.OfType<string>());

    private static string? Price(decimal? value) => value is { } v ? DisplayValue.Normalize(v).ToString(CultureInfo.InvariantCulture) : null;
}
