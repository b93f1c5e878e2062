using System.CommandLine;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Parsing;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog set &lt;id&gt; ...</c>: an administrator's local edit, recorded in history.</summary>
internal sealed class SetCommand : ModelIdCommand
{
    private readonly Option<string> _active = BooleanOption.Create("--active", "Whether the model is active.");
    private readonly Option<string> _visible = BooleanOption.Create("--visible", "Whether the model is visible.");
    private readonly Option<string> _beta = BooleanOption.Create("--beta", "Whether the model is marked beta.");
    private readonly Option<string> _displayName = new("--display-name") { Description = "A custom display name; Smart syncs keep it from now on." };

    public SetCommand()
        : base("set", "Edit a model's local fields (and its display name); recorded in history as a local edit.")
    {
        Command.Options.Add(_active);
        Command.Options.Add(_visible);
        Command.Options.Add(_beta);
        Command.Options.Add(_displayName);
        Command.Validators.Add(result =>
        {
            if (result.GetResult(_active) is null && result.GetResult(_visible) is null && result.GetResult(_beta) is null && result.GetResult(_displayName) is null)
            {
                result.AddError("Name at least one of --active, --visible, --beta or --display-name.");
            }

            if (result.GetValue(_displayName) is { } name && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--display-name must not be empty.");
            }
        });
    }

    public override async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        bool? active = BooleanOption.Get(parse, _active), visible = BooleanOption.Get(parse, _visible), beta = BooleanOption.Get(parse, _beta);
        string? displayName = parse.GetValue(_displayName);
        void Apply(CatalogModel m)
        {
            m.IsActive = active ?? m.IsActive;
            m.IsVisible = visible ?? m.IsVisible;
            m.IsBeta = beta ?? m.IsBeta;
            m.DisplayName = displayName ?? m.DisplayName;
        }

        var (ok, result) = await Store.ReadAsync(parse, console, store => EditAsync(store, id, Apply, cancellationToken), cancellationToken, " Nothing was written.").ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        switch (result.Status)
        {
            case LocalEditStatus.NotFound:
                console.Error($"error: no model '{id}' in the catalog (IDs are case-sensitive). Nothing was written.");
                return ExitCodes.Failure;
            case LocalEditStatus.Unchanged:
                console.Line($"{id}: already so; nothing changed.");
                return ExitCodes.Ok;
            default:
                console.Line($"{id}: {string.Join(", ", result.Changes.Select(c => $"{Names.Snake(c.Field)} {DisplayValue.Of(c.OldValue)} → {DisplayValue.Of(c.NewValue)}"))}");
                return ExitCodes.Ok;
        }
    }

    private static async ValueTask<LocalEditResult<CatalogModel>> EditAsync(IModelStore<CatalogModel> store, UnifiedModelId id, Action<CatalogModel> edit, CancellationToken cancellationToken)
    {
        using var catalog = new DefaultModelCatalog<CatalogModel>(store);
        return await catalog.EditAsync(id, edit, cancellationToken).ConfigureAwait(false);
    }
}
