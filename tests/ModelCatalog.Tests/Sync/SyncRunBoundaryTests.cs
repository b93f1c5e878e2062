using System.Text.Json;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Sync;

/// <summary>The edges of one run: option ranges, the conflict retry bound, cancellation, reads, Skip mode and ordering.</summary>
public sealed class SyncRunBoundaryTests
{
    private readonly CountingStore<CatalogModel> _store = new();

    private static CatalogModel Model(int i, string description = "d", JsonElement? config = null)
        => new() { Id = UnifiedModelId.Parse($"p/m{i:D3}"), DisplayName = $"m{i}", Description = description, Config = config };

    private static ModelSnapshot<CatalogModel> Snapshot(params CatalogModel[] models) => new("s", "v", DateTimeOffset.UnixEpoch, models);

    private ModelSynchronizer<CatalogModel> Synchronizer() => new(_store);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task A_removal_share_of_exactly_0_or_1_is_accepted(double share)
    {
        var report = await Synchronizer().SyncAsync(Snapshot(Model(0)), new SyncOptions { MaxRemovalShare = share });

        Assert.Equal(1, report.Created);
    }

    [Theory]
    [InlineData(-0.0001)]
    [InlineData(1.0001)]
    [InlineData(double.NaN)]
    public async Task A_removal_share_just_outside_0_to_1_is_refused_naming_the_option(double share)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            "options", async () => await Synchronizer().SyncAsync(Snapshot(Model(0)), new SyncOptions { MaxRemovalShare = share }));

        Assert.StartsWith("MaxRemovalShare must be between 0 and 1.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.Lists);
    }

    [Fact]
    public async Task A_store_that_always_conflicts_is_tried_exactly_MaxAttempts_times_then_the_conflict_surfaces()
    {
        _store.ConflictsToThrow = int.MaxValue;

        await Assert.ThrowsAsync<ModelStoreConflictException>(async () => await Synchronizer().SyncAsync(Snapshot(Model(0))));

        Assert.Equal(8, _store.Applies);
        Assert.Equal(0, _store.Inner.Count);
    }

    [Fact]
    public async Task A_run_whose_last_allowed_attempt_succeeds_applies_and_reports_eight_attempts()
    {
        _store.ConflictsToThrow = 7;

        var report = await Synchronizer().SyncAsync(Snapshot(Model(0)));

        Assert.Equal((8, 8, 1), (report.Attempts, _store.Applies, _store.Inner.Count));
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_reads_and_writes_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Synchronizer().SyncAsync(Snapshot(Model(0)), cancellationToken: cancellation.Token));

        Assert.Equal((0, 0, 0), (_store.Lists, _store.FindManys, _store.Applies));
    }

    [Fact]
    public async Task Only_ids_the_source_does_not_own_yet_are_looked_up_beside_the_one_listing()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0), Model(1)));
        Assert.Equal((1, 1), (_store.Lists, _store.FindManys));

        await Synchronizer().SyncAsync(Snapshot(Model(0), Model(1, "changed")));

        Assert.Equal((2, 1), (_store.Lists, _store.FindManys));
    }

    [Fact]
    public async Task Skip_mode_reports_an_existing_model_once_as_skipped_and_leaves_it_as_stored()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0)));

        var report = await Synchronizer().SyncAsync(Snapshot(Model(0, "changed")), new SyncOptions { Mode = UpdateMode.Skip });

        var result = Assert.Single(report.Models);
        Assert.Equal(ModelSyncOutcome.Skipped, result.Outcome);
        Assert.Equal(0, report.Writes);
        Assert.Equal("d", (await _store.FindAsync(UnifiedModelId.Parse("p/m000")))!.Model.Description);
    }

    [Fact]
    public async Task The_report_lists_models_in_unified_id_order_whatever_the_source_order()
    {
        var report = await Synchronizer().SyncAsync(Snapshot(Model(2), Model(0), Model(1)));

        Assert.Equal(["p/m000", "p/m001", "p/m002"], report.Models.Select(m => m.Id.ToString()));
    }

    [Fact]
    public async Task An_entry_whose_config_nests_too_deep_is_rejected_and_not_created()
    {
        string json = new string('[', 65) + new string(']', 65);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 100 });

        var report = await Synchronizer().SyncAsync(Snapshot(Model(0, config: document.RootElement.Clone()), Model(1)));

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal((0, "p/m000"), (rejection.Index, rejection.Key));
        Assert.Equal("its config nests 65 levels deep, more than the catalog's limit of 64", rejection.Reason);
        Assert.Equal(1, report.Created);
        Assert.Null(await _store.FindAsync(UnifiedModelId.Parse("p/m000")));
    }

    [Fact]
    public async Task A_duplicate_entry_is_rejected_with_its_id_so_the_model_it_names_is_not_missing()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0), Model(1)));

        var report = await Synchronizer().SyncAsync(
            Snapshot(Model(0), Model(0, "again")),
            new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal(UnifiedModelId.Parse("p/m000"), rejection.Id);
        Assert.Null(report.RemovalRefusedReason);
        Assert.Equal(1, report.Removed);
    }
}
