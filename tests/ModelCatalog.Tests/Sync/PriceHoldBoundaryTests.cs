using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Policies;

namespace ModelCatalog.Tests.Sync;

/// <summary>Price guardrails at their limits, their messages, and what a held price writes into history and review.</summary>
public sealed class PriceHoldBoundaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PriceGuardrails Default = new();
    private static readonly UnifiedModelId M0 = UnifiedModelId.Parse("p/m000");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryModelStore<CatalogModel> _store = new();

    private static ModelPrices Input(decimal price) => new() { InputCostPerMillionTokens = price };

    private static ModelSnapshot<CatalogModel> Snapshot(decimal? cost)
        => new("s", "v", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = M0, DisplayName = "m0", CostPerUnit = cost }]);

    private static SyncOptions Guarded => new() { PriceGuardrails = new PriceGuardrails() };

    private async Task<IReadOnlyList<ModelHistoryEntry>> History() => await _store.GetHistoryAsync(M0);

    [Theory]
    [InlineData(2.0, 3.0)]
    [InlineData(2.0, 1.0)]
    public void A_change_of_exactly_the_allowed_50_percent_applies(decimal old, decimal proposed)
        => Assert.Null(Default.FindReason(Input(old), Input(proposed)));

    [Fact]
    public void A_price_that_stays_at_zero_is_no_change_to_or_from_zero()
        => Assert.Null(Default.FindReason(Input(0m), Input(0m)));

    [Fact]
    public void A_rise_just_above_the_limit_is_held_and_the_reason_shows_plain_prices_and_percentages()
        => Assert.Equal(
            "input_cost_per_million_tokens goes from 2.5 to 3.8 (+52%), more than the allowed 50%",
            Default.FindReason(Input(2.50m), Input(3.80m)));

    [Fact]
    public void A_fall_just_above_the_limit_is_held_with_a_minus_sign()
        => Assert.Equal(
            "input_cost_per_million_tokens goes from 2 to 0.9 (-55%), more than the allowed 50%",
            Default.FindReason(Input(2m), Input(0.9m)));

    [Fact]
    public void Null_prices_are_programmer_errors_named_by_parameter()
    {
        Assert.Throws<ArgumentNullException>("stored", () => Default.FindReason(null!, Input(1m)));
        Assert.Throws<ArgumentNullException>("proposed", () => Default.FindReason(Input(1m), null!));
    }

    [Fact]
    public void A_non_positive_limit_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("MaxRelativeChange", () => new PriceGuardrails { MaxRelativeChange = 0m }.Validate());

        Assert.StartsWith("MaxRelativeChange must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_model_without_any_price_is_created_inactive_pending_review_by_default()
    {
        var report = await new ModelSynchronizer<CatalogModel>(_store, _time).SyncAsync(Snapshot(null), Guarded);

        var stored = (await _store.FindAsync(M0))!;
        Assert.False(stored.Model.IsActive);
        Assert.Equal("a new model without any price: created inactive until approved", report.Models.Single().HeldForReview);
        Assert.True(stored.SyncState.PriceReview!.ActivatesOnApproval);
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.PriceHeld], (await History()).Select(h => h.Kind));
    }

    [Fact]
    public async Task A_new_model_already_created_inactive_is_held_without_being_activated_on_approval()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store, _time, initializeNewModel: m => m.IsActive = false);

        var report = await synchronizer.SyncAsync(Snapshot(null), Guarded);

        var review = (await _store.FindAsync(M0))!.SyncState.PriceReview!;
        Assert.Equal("a new model without any price", report.Models.Single().HeldForReview);
        Assert.Equal((PriceReviewStatus.Pending, false), (review.Status, review.ActivatesOnApproval));
    }

    [Fact]
    public async Task A_held_price_writes_only_a_price_held_entry_with_the_stored_and_proposed_price()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store, _time);
        await synchronizer.SyncAsync(Snapshot(1m), Guarded);

        var report = await synchronizer.SyncAsync(Snapshot(3m), Guarded);

        Assert.Equal((1, 1), (report.HeldForReview, report.Writes));
        var history = await History();
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.PriceHeld], history.Select(h => h.Kind));
        var held = Assert.Single(history[1].Changes);
        Assert.Equal(("CostPerUnit", FieldDecision.HeldForReview, "1", "3"), (held.Field, held.Decision, held.OldValueJson, held.NewValueJson));
        Assert.Equal(1m, (await _store.FindAsync(M0))!.Model.CostPerUnit);
    }

    [Fact]
    public async Task The_same_proposal_again_keeps_the_pending_review_from_when_it_was_first_held_and_writes_nothing()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store, _time);
        await synchronizer.SyncAsync(Snapshot(1m), Guarded);
        await synchronizer.SyncAsync(Snapshot(3m), Guarded);
        _time.Advance(TimeSpan.FromDays(1));

        var again = await synchronizer.SyncAsync(Snapshot(3m), Guarded);
        var other = await synchronizer.SyncAsync(Snapshot(4m), Guarded);

        Assert.Equal(0, again.Writes);
        Assert.Equal(1, other.Writes);
        var review = (await _store.FindAsync(M0))!.SyncState.PriceReview!;
        Assert.Equal((Start.AddDays(1), 4m), (review.HeldAt, review.Proposed.CostPerUnit));
    }

    [Fact]
    public async Task A_source_returning_to_the_stored_price_clears_the_review_with_a_synced_entry_and_no_new_hold()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store, _time);
        await synchronizer.SyncAsync(Snapshot(1m), Guarded);
        await synchronizer.SyncAsync(Snapshot(3m), Guarded);

        var report = await synchronizer.SyncAsync(Snapshot(1m), Guarded);

        Assert.Equal((0, 1), (report.HeldForReview, report.Writes));
        Assert.Null((await _store.FindAsync(M0))!.SyncState.PriceReview);
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.PriceHeld, ModelChangeKind.Synced], (await History()).Select(h => h.Kind));
    }

    [Fact]
    public async Task A_held_price_beside_a_kept_local_rename_writes_both_a_synced_and_a_price_held_entry()
    {
        var catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: _time);
        static ModelSnapshot<CatalogModel> Official(string name, decimal cost)
            => new("s", "v", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = M0, DisplayName = name, CostPerUnit = cost }]);
        await catalog.SyncAsync(Official("m0", 1m), Guarded);
        await catalog.EditAsync(M0, m => m.DisplayName = "ours");

        var report = await catalog.SyncAsync(Official("m0 v2", 3m), Guarded);

        var result = report.Models.Single();
        Assert.Equal((ModelSyncOutcome.Unchanged, 1), (result.Outcome, report.HeldForReview));
        Assert.Contains(result.Changes, c => c is { Field: "DisplayName", Decision: FieldDecision.KeptCustomized });
        var kinds = (await History()).Select(h => h.Kind).ToList();
        Assert.Equal([ModelChangeKind.Synced, ModelChangeKind.PriceHeld], kinds[^2..]);
    }

    [Fact]
    public async Task A_model_type_without_prices_updates_under_guardrails_as_without_them()
    {
        var store = new InMemoryModelStore<LawModel>();
        var synchronizer = new ModelSynchronizer<LawModel>(store);
        static ModelSnapshot<LawModel> Law(string description) => new("s", "v", DateTimeOffset.UnixEpoch, [new LawModel { Id = M0, Description = description }]);
        await synchronizer.SyncAsync(Law("a"), Guarded);

        var report = await synchronizer.SyncAsync(Law("b"), Guarded);

        Assert.Equal((1, 0), (report.Updated, report.HeldForReview));
        Assert.Equal("b", (await store.FindAsync(M0))!.Model.Description);
    }
}
