using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelCatalog.Cli.Output;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog review</c>: the price changes that guardrails held, with their reasons.</summary>
internal sealed class ReviewCommand : ICliCommand
{
    private readonly StoreOptions _store = new();

    public ReviewCommand()
    {
        Command = new Command("review", "List the price changes held for review (sync --hold-price-changes), with why each was held.");
        _store.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var (ok, held) = await _store.ReadAsync(parse, console, store => PendingAsync(store, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        if (parse.GetValue(_store.Json))
        {
            JsonOutput.Write(console.Raw, writer =>
            {
                writer.WriteStartArray();
                foreach (var stored in held)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", stored.Model.Id.ToString());
                    writer.WritePropertyName("review");
                    JsonSerializer.Serialize(writer, stored.SyncState.PriceReview!, StructuredValueJson.PriceReview);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return ExitCodes.Ok;
        }

        if (held.Count == 0)
        {
            console.Line("No price change is waiting for review.");
            return ExitCodes.Ok;
        }

        var table = Tables.Create("model", "held at", "source", "reason");
        foreach (var stored in held)
        {
            var review = stored.SyncState.PriceReview!;
            table.Add(
                stored.Model.Id.ToString(),
                review.HeldAt.ToString("u", CultureInfo.InvariantCulture),
                $"{review.SourceName} {review.SourceVersion}".Trim(),
                review.Reason);
        }

        console.Out.Write(table.Fit(console.Out, 3, 0, 1, 3));
        console.Line($"{held.Count} held. Apply one with 'modelcatalog approve <id>', keep the stored prices with 'modelcatalog reject <id>'.");
        return ExitCodes.Ok;
    }

    private static async ValueTask<List<StoredModel<CatalogModel>>> PendingAsync(IModelStore<CatalogModel> store, CancellationToken cancellationToken)
    {
        var held = new List<StoredModel<CatalogModel>>();
        var query = new ModelQuery { PriceReview = PriceReviewStatus.Pending, Limit = ModelQuery.MaxLimit };
        await foreach (var stored in store.EnumerateAllAsync(query, cancellationToken).ConfigureAwait(false))
        {
            held.Add(stored);
        }

        return held;
    }
}
