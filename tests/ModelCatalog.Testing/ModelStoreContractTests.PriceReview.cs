using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Testing;

/// <summary>Price guardrails through the catalog, on every store: held, listed, approved, rejected, kept across a restart.</summary>
public abstract partial class ModelStoreContractTests
{
    private static readonly SyncOptions Guarded = new() { PriceGuardrails = new PriceGuardrails() };

    /// <summary>
    /// The same store as a new process would open it (a new store object on the same database). The in-memory store
    /// lives in its process, so it returns itself.
    /// </summary>
    protected virtual Task<IModelStore<CatalogModel>> ReopenStoreAsync() => Task.FromResult(Store);

    private DefaultModelCatalog<CatalogModel> Catalog(IModelStore<CatalogModel>? store = null)
        => new(store ?? Store, timeProvider: new FakeTimeProvider(T0));

    private static CatalogModel Offer(string id, decimal? input, decimal? output = 10m, string? description = null) => new()
    {
        Id = UnifiedModelId.Parse(id),
        DisplayName = id,
        Description = description ?? "about " + id,
        InputCostPerMillionTokens = input,
        Pricing = input is null && output is null ? null : new ModelPricing { Tokens = new TokenPrices { InputPerMillion = input, OutputPerMillion = output } },
    };

    private static ModelSnapshot<CatalogModel> Snapshot(string version, params CatalogModel[] models) => new("official", version, T0, models);

    [Fact]
    public async Task A_doubled_price_is_held_while_the_rest_of_the_sync_applies()
    {
        var catalog = Catalog();
        await catalog.SyncAsync(Snapshot("v1", Offer("openai/gpt-4o", 2.5m), Offer("openai/gpt-4o-mini", 0.15m)), Guarded);

        var report = await catalog.SyncAsync(
            Snapshot("v2", Offer("openai/gpt-4o", 5m, description: "new words"), Offer("openai/gpt-4o-mini", 0.16m)), Guarded);

        Assert.Equal(1, report.HeldForReview);
        var held = report.Models.Single(m => m.HeldForReview is not null);
        Assert.Equal("openai/gpt-4o", held.Id.ToString());
        Assert.Contains("pricing.tokens.input_per_million goes from 2.5 to 5 (+100%)", held.HeldForReview, StringComparison.Ordinal);
        var gpt4o = (await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")))!;
        Assert.Equal((2.5m, 2.5m, "new words"), (gpt4o.Model.Pricing!.Tokens.InputPerMillion, gpt4o.Model.InputCostPerMillionTokens, gpt4o.Model.Description));
        Assert.Equal(PriceReviewStatus.Pending, gpt4o.SyncState.PriceReview!.Status);
        Assert.Equal(5m, gpt4o.SyncState.PriceReview.Proposed.Pricing!.Tokens.InputPerMillion);
        Assert.Equal(0.16m, (await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o-mini")))!.Model.Pricing!.Tokens.InputPerMillion);
        var pending = await Store.ListAsync(new ModelQuery { PriceReview = PriceReviewStatus.Pending });
        Assert.Equal(["openai/gpt-4o"], pending.Items.Select(m => m.Model.Id.ToString()));
        Assert.Contains(await Store.GetHistoryAsync(gpt4o.Model.Id), h => h.Kind == ModelChangeKind.PriceHeld);
    }

    [Fact]
    public async Task Approving_a_held_price_applies_it_and_the_next_sync_finds_nothing_to_hold()
    {
        var catalog = Catalog();
        await catalog.SyncAsync(Snapshot("v1", Offer("openai/gpt-4o", 2.5m)), Guarded);
        await catalog.SyncAsync(Snapshot("v2", Offer("openai/gpt-4o", 5m)), Guarded);

        var result = await catalog.ApprovePriceAsync(UnifiedModelId.Parse("openai/gpt-4o"));
        var again = await catalog.SyncAsync(Snapshot("v2", Offer("openai/gpt-4o", 5m)), Guarded);

        Assert.Equal(PriceReviewOutcome.Approved, result.Outcome);
        var stored = (await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")))!;
        Assert.Equal((5m, 5m), (stored.Model.Pricing!.Tokens.InputPerMillion, stored.Model.InputCostPerMillionTokens));
        Assert.Null(stored.SyncState.PriceReview);
        Assert.Equal((0, 0), (again.HeldForReview, again.Writes));
        Assert.Equal(
            [ModelChangeKind.Created, ModelChangeKind.PriceHeld, ModelChangeKind.PriceApproved],
            (await Store.GetHistoryAsync(stored.Model.Id)).Select(h => h.Kind));
        Assert.Equal(PriceReviewOutcome.NothingPending, (await catalog.ApprovePriceAsync(stored.Model.Id)).Outcome);
    }

    [Fact]
    public async Task Rejecting_keeps_the_old_price_and_only_a_different_proposal_is_held_again()
    {
        var catalog = Catalog();
        var id = UnifiedModelId.Parse("anthropic/claude-sonnet-4");
        await catalog.SyncAsync(Snapshot("v1", Offer(id.ToString(), 3m, 15m)), Guarded);
        await catalog.SyncAsync(Snapshot("v2", Offer(id.ToString(), 3m, 150m)), Guarded);

        var result = await catalog.RejectPriceAsync(id);
        var same = await catalog.SyncAsync(Snapshot("v3", Offer(id.ToString(), 3m, 150m)), Guarded);
        var afterSame = (await Store.FindAsync(id))!;
        var different = await catalog.SyncAsync(Snapshot("v4", Offer(id.ToString(), 3m, 75m)), Guarded);

        Assert.Equal(PriceReviewOutcome.Rejected, result.Outcome);
        Assert.Equal(0, same.HeldForReview);
        Assert.Equal((15m, PriceReviewStatus.Rejected), (afterSame.Model.Pricing!.Tokens.OutputPerMillion, afterSame.SyncState.PriceReview!.Status));
        Assert.Equal(1, different.HeldForReview);
        var last = (await Store.FindAsync(id))!;
        Assert.Equal((15m, PriceReviewStatus.Pending, 75m), (last.Model.Pricing!.Tokens.OutputPerMillion, last.SyncState.PriceReview!.Status, last.SyncState.PriceReview.Proposed.Pricing!.Tokens.OutputPerMillion));
    }

    [Fact]
    public async Task A_held_price_survives_a_restart_and_is_approved_by_the_reopened_store()
    {
        var id = UnifiedModelId.Parse("google/gemini-2.5-pro");
        await Catalog().SyncAsync(Snapshot("v1", Offer(id.ToString(), 1.25m)), Guarded);
        await Catalog().SyncAsync(Snapshot("v2", Offer(id.ToString(), 0m)), Guarded);

        var reopened = await ReopenStoreAsync();
        var pending = await reopened.ListAsync(new ModelQuery { PriceReview = PriceReviewStatus.Pending });
        var result = await Catalog(reopened).ApprovePriceAsync(id);

        var review = Assert.Single(pending.Items).SyncState.PriceReview!;
        Assert.Equal("pricing.tokens.input_per_million goes from 1.25 to 0; input_cost_per_million_tokens goes from 1.25 to 0", review.Reason);
        Assert.Equal(("official", "v2", T0), (review.SourceName, review.SourceVersion, review.HeldAt));
        Assert.Equal(1.25m, review.Previous.Pricing!.Tokens.InputPerMillion);
        Assert.Equal(PriceReviewOutcome.Approved, result.Outcome);
        Assert.Equal(0m, (await reopened.FindAsync(id))!.Model.Pricing!.Tokens.InputPerMillion);
    }

    [Fact]
    public async Task A_new_model_without_any_price_is_created_inactive_until_approved()
    {
        var catalog = Catalog();
        var id = UnifiedModelId.Parse("mistral/unpriced");

        var report = await catalog.SyncAsync(Snapshot("v1", Offer(id.ToString(), null, null), Offer("mistral/priced", 1m)), Guarded);
        var before = (await Store.FindAsync(id))!;
        await catalog.ApprovePriceAsync(id);
        var after = (await Store.FindAsync(id))!;

        Assert.Equal((2, 1), (report.Created, report.HeldForReview));
        Assert.Equal((false, true), (before.Model.IsActive, (await Store.FindAsync(UnifiedModelId.Parse("mistral/priced")))!.Model.IsActive));
        Assert.True(before.SyncState.PriceReview!.ActivatesOnApproval);
        Assert.Equal((true, null), (after.Model.IsActive, after.SyncState.PriceReview));
    }

    [Fact]
    public async Task A_small_price_change_applies_and_without_guardrails_any_change_applies()
    {
        var catalog = Catalog();
        var id = UnifiedModelId.Parse("openai/o3");
        await catalog.SyncAsync(Snapshot("v1", Offer(id.ToString(), 2m, 8m)), Guarded);

        var small = await catalog.SyncAsync(Snapshot("v2", Offer(id.ToString(), 2.2m, 8m)), Guarded);
        var unguarded = await catalog.SyncAsync(Snapshot("v3", Offer(id.ToString(), 20m, 8m)));

        Assert.Equal((0, 0), (small.HeldForReview, unguarded.HeldForReview));
        Assert.Equal(20m, (await Store.FindAsync(id))!.Model.Pricing!.Tokens.InputPerMillion);
    }
}
