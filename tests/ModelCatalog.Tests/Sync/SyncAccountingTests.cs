using System.Diagnostics.Metrics;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Sync;

/// <summary>What a run counts and reports about itself: writes, rejected null entries, metrics, and argument checks.</summary>
public sealed class SyncAccountingTests
{
    private readonly InMemoryModelStore<CatalogModel> _store = new();

    private static CatalogModel Model(int i, string description = "d") => new() { Id = UnifiedModelId.Parse($"p/m{i:D3}"), DisplayName = $"m{i}", Description = description };

    private static ModelSnapshot<CatalogModel> Snapshot(string source, params CatalogModel?[] models) => new(source, "v", DateTimeOffset.UnixEpoch, models!);

    [Fact]
    public async Task Writes_counts_one_per_model_created_updated_or_deactivated_and_none_for_unchanged_ones()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store);
        var created = await synchronizer.SyncAsync(Snapshot("s", Model(0), Model(1), Model(2), Model(3)));

        var second = await synchronizer.SyncAsync(
            Snapshot("s", Model(0, "changed"), Model(1), Model(2)),
            new SyncOptions { MissingModels = MissingModelPolicy.Deactivate, MaxRemovalShare = 1 });

        Assert.Equal(4, created.Writes);
        Assert.Equal((1, 2, 1, 2), (second.Updated, second.Unchanged, second.Deactivated, second.Writes));
    }

    [Fact]
    public async Task A_null_entry_is_rejected_by_its_index_and_the_other_entries_apply()
    {
        var report = await new ModelSynchronizer<CatalogModel>(_store).SyncAsync(Snapshot("s", Model(0), null, Model(1)));

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal((1, "the entry is null"), (rejection.Index, rejection.Reason));
        Assert.Equal((2, 2), (report.Created, _store.Count));
    }

    [Fact]
    public async Task Sync_metrics_count_created_updated_and_rejected_models_per_source()
    {
        // A source name of its own: other tests running in parallel record on the same meter.
        string source = "metrics-" + Guid.NewGuid().ToString("N");
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ModelCatalog" && instrument.Name.StartsWith("modelcatalog.sync.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && (string?)tag.Value == source)
                {
                    lock (totals)
                    {
                        totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
                    }
                }
            }
        });
        listener.Start();
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store);

        await synchronizer.SyncAsync(Snapshot(source, Model(0), Model(1), null));
        await synchronizer.SyncAsync(Snapshot(source, Model(0, "changed"), Model(1)));
        await synchronizer.SyncAsync(Snapshot(source, Model(0, "dry"), Model(2)), new SyncOptions { DryRun = true });

        // The dry run counts its rejections only: nothing it decided was written.
        Assert.Equal(2, totals.GetValueOrDefault("modelcatalog.sync.created"));
        Assert.Equal(1, totals.GetValueOrDefault("modelcatalog.sync.updated"));
        Assert.Equal(1, totals.GetValueOrDefault("modelcatalog.sync.rejected"));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public async Task A_removal_share_outside_0_to_1_is_refused_before_anything_is_read(double share)
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("options", async () => await synchronizer.SyncAsync(Snapshot("s", Model(0)), new SyncOptions { MaxRemovalShare = share }));

        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task Null_arguments_and_a_non_positive_price_limit_are_programmer_errors()
    {
        var synchronizer = new ModelSynchronizer<CatalogModel>(_store);

        Assert.Throws<ArgumentNullException>("store", () => new ModelSynchronizer<CatalogModel>(null!));
        await Assert.ThrowsAsync<ArgumentNullException>("snapshot", async () => await synchronizer.SyncAsync(null!));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await synchronizer.SyncAsync(
            Snapshot("s", Model(0)), new SyncOptions { PriceGuardrails = new PriceGuardrails { MaxRelativeChange = -1m } }));
        Assert.Equal(0, _store.Count);
    }
}
