using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Sync;

/// <summary>Rejections and the removal guard: a known ID protects only that model; an unknown one blocks removal.</summary>
public sealed class RejectionGuardTests
{
    private readonly InMemoryModelStore<CatalogModel> _store = new();
    private readonly DefaultModelCatalog<CatalogModel> _catalog;

    public RejectionGuardTests() => _catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: new FakeTimeProvider());

    private static readonly SyncOptions Deactivate = new() { MissingModels = MissingModelPolicy.Deactivate, MaxRemovalShare = 0.5 };

    private static ModelSnapshot<CatalogModel> Snapshot(int count, params SyncRejection[] rejections)
        => new("s", "v", DateTimeOffset.UnixEpoch, Enumerable.Range(0, count).Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i}"), DisplayName = $"m{i}" }).ToList())
        {
            Rejections = rejections,
        };

    private async Task<bool> ActiveAsync(string id) => (await _store.FindAsync(UnifiedModelId.Parse(id)))!.Model.IsActive;

    [Fact]
    public async Task A_rejected_entry_whose_id_is_known_protects_only_that_model_and_the_other_missing_ones_are_deactivated()
    {
        await _catalog.SyncAsync(Snapshot(10));

        var report = await _catalog.SyncAsync(
            Snapshot(8, new SyncRejection(8, "m8", "field 'price' is not a number") { Id = UnifiedModelId.Parse("p/m8") }), Deactivate);

        Assert.Null(report.RemovalRefusedReason);
        Assert.Equal(1, report.Deactivated);
        Assert.True(await ActiveAsync("p/m8"));
        Assert.False(await ActiveAsync("p/m9"));
    }

    [Fact]
    public async Task A_rejected_entry_whose_id_cannot_be_told_blocks_removal_and_says_so()
    {
        await _catalog.SyncAsync(Snapshot(10));

        var report = await _catalog.SyncAsync(Snapshot(8, new SyncRejection(8, null, "the entry is a number, not an object")), Deactivate);

        Assert.Equal(0, report.Deactivated);
        Assert.Contains("1 rejected entries of the snapshot have no ID that can be told", report.RemovalRefusedReason, StringComparison.Ordinal);
        Assert.True(await ActiveAsync("p/m8"));
        Assert.True(await ActiveAsync("p/m9"));
    }

    [Fact]
    public async Task Aliases_are_reported_apart_from_rejections_and_do_not_block_removal()
    {
        await _catalog.SyncAsync(Snapshot(10));
        var snapshot = Snapshot(9) with { Aliases = [new SyncAlias(UnifiedModelId.Parse("p/m0"), "m0", "p/m0")] };

        var report = await _catalog.SyncAsync(snapshot, Deactivate);

        Assert.Equal((0, 1, 1), (report.Rejected, report.AliasCount, report.Deactivated));
        Assert.False(await ActiveAsync("p/m9"));
    }

    [Fact]
    public async Task A_not_modified_snapshot_reads_and_writes_nothing()
    {
        await _catalog.SyncAsync(Snapshot(3));
        var history = await _store.GetHistoryAsync(UnifiedModelId.Parse("p/m0"));

        var report = await _catalog.SyncAsync(new ModelSnapshot<CatalogModel>("s", "v", DateTimeOffset.UnixEpoch, []) { NotModified = true }, Deactivate);

        Assert.True(report.NotModified);
        Assert.Equal((0, 0, 0), (report.Writes, report.MissingUpstream, report.Models.Count));
        Assert.Equal(history.Count, (await _store.GetHistoryAsync(UnifiedModelId.Parse("p/m0"))).Count);
        Assert.True(await ActiveAsync("p/m2"));
    }
}
