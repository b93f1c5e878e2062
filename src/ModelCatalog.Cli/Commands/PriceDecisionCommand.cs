using System.CommandLine;
using ModelCatalog.Cli.Output;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog approve &lt;id&gt;</c> and <c>reject &lt;id&gt;</c>: decide a held price change.</summary>
internal sealed class PriceDecisionCommand : ModelIdCommand
{
    private readonly bool _approve;

    private PriceDecisionCommand(string name, string description, bool approve)
        : base(name, description) => _approve = approve;

    public static PriceDecisionCommand Approve() => new("approve", "Apply a held price change (and activate a new model held for having no price).", approve: true);

    public static PriceDecisionCommand Reject() => new("reject", "Keep the stored prices; later syncs proposing the same prices keep them without asking.", approve: false);

    public override async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        var (ok, result) = await Store.ReadAsync(parse, console, store => DecideAsync(store, id, cancellationToken), cancellationToken, " Nothing was written.").ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        switch (result.Outcome)
        {
            case PriceReviewOutcome.NotFound:
                console.Error($"error: no model '{id}' in the catalog (IDs are case-sensitive). Nothing was written.");
                return ExitCodes.Failure;
            case PriceReviewOutcome.NothingPending:
                console.Error($"error: '{id}' has no price change waiting for review (see 'modelcatalog review'). Nothing was written.");
                return ExitCodes.Failure;
            case PriceReviewOutcome.Approved:
                console.Line($"{id}: approved; {string.Join(", ", result.Changes.Select(c => $"{Names.Snake(c.Field)} {DisplayValue.Of(c.OldValue)} → {DisplayValue.Of(c.NewValue)}"))}");
                return ExitCodes.Ok;
            default:
                console.Line($"{id}: rejected; the stored prices stay ({result.Review!.Reason}).");
                return ExitCodes.Ok;
        }
    }

    private async ValueTask<PriceReviewResult<CatalogModel>> DecideAsync(IModelStore<CatalogModel> store, UnifiedModelId id, CancellationToken cancellationToken)
    {
        using var catalog = new DefaultModelCatalog<CatalogModel>(store);
        return _approve
            ? await catalog.ApprovePriceAsync(id, cancellationToken).ConfigureAwait(false)
            : await catalog.RejectPriceAsync(id, cancellationToken).ConfigureAwait(false);
    }
}
