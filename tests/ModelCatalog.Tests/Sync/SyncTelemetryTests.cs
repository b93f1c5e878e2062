using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ModelCatalog.Diagnostics;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Sync;

/// <summary>What a run tells operators: its activity and tags, its log records, and its duration histogram.</summary>
public sealed class SyncTelemetryTests
{
    // A source name of its own per test: other tests running in parallel trace, log and record on the same sources.
    private readonly string _source = "telemetry-" + Guid.NewGuid().ToString("N");
    private readonly InMemoryModelStore<CatalogModel> _store = new();
    private readonly FakeLogger _logger = new();

    private static CatalogModel Model(int i, string description = "d", string? name = null)
        => new() { Id = UnifiedModelId.Parse($"p/m{i:D3}"), DisplayName = name ?? $"m{i}", Description = description };

    private ModelSnapshot<CatalogModel> Snapshot(params CatalogModel?[] models) => new(_source, "v7", DateTimeOffset.UnixEpoch, models!);

    private ModelSynchronizer<CatalogModel> Synchronizer(IModelStore<CatalogModel>? store = null) => new(store ?? _store, logger: _logger);

    private IReadOnlyList<FakeLogRecord> Records(int eventId) => [.. _logger.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    private static string? State(FakeLogRecord record, string key) => record.StructuredState!.Single(p => p.Key == key).Value;

    [Fact]
    public async Task A_run_is_traced_as_one_ModelCatalog_Sync_activity_tagged_with_source_version_mode_and_counts()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ModelCatalogDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("modelcatalog.source") as string == _source)
                {
                    lock (stopped)
                    {
                        stopped.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await Synchronizer().SyncAsync(Snapshot(Model(0)));

        await Synchronizer().SyncAsync(Snapshot(Model(0, "changed"), Model(1), null, Model(2)), new SyncOptions { Mode = UpdateMode.Force });

        Assert.Equal(2, stopped.Count);
        var activity = stopped[1];
        Assert.Equal("ModelCatalog.Sync", activity.OperationName);
        Assert.Equal("v7", activity.GetTagItem("modelcatalog.source_version"));
        Assert.Equal("Force", activity.GetTagItem("modelcatalog.mode"));
        Assert.Equal(2, activity.GetTagItem("modelcatalog.created"));
        Assert.Equal(1, activity.GetTagItem("modelcatalog.updated"));
        Assert.Equal(1, activity.GetTagItem("modelcatalog.rejected"));
    }

    [Fact]
    public async Task Every_rejected_entry_is_logged_as_a_warning_with_its_key_index_source_and_reason()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0), null, Model(0)));

        var records = Records(3);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(records, r => Assert.Equal(_source, State(r, "Source")));
        Assert.Equal(("1", null, "the entry is null"), (State(records[0], "Index"), State(records[0], "Key"), State(records[0], "Reason")));
        Assert.Equal(("2", "p/m000"), (State(records[1], "Index"), State(records[1], "Key")));
        Assert.Equal("duplicate ID: entry 2 repeats entry 0, which is the one applied", State(records[1], "Reason"));
    }

    [Fact]
    public async Task Each_updated_model_is_logged_once_with_the_fields_written_and_unchanged_ones_are_not()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0), Model(1)));

        await Synchronizer().SyncAsync(Snapshot(Model(0, "changed", name: "renamed"), Model(1)));

        var updated = Assert.Single(Records(2));
        Assert.Equal(LogLevel.Information, updated.Level);
        Assert.Equal(("p/m000", _source, "DisplayName, Description"), (State(updated, "ModelId"), State(updated, "Source"), State(updated, "Fields")));
    }

    [Fact]
    public async Task A_dry_run_logs_no_model_update_and_says_dry_run_in_its_summary()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0)));

        await Synchronizer().SyncAsync(Snapshot(Model(0, "changed")), new SyncOptions { DryRun = true });

        Assert.Empty(Records(2));
        var summaries = Records(1);
        Assert.Equal(2, summaries.Count);
        Assert.Equal($"Sync of {_source} v7 (Smart): 1 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected, 0 missing upstream, 0 removed", summaries[0].Message);
        Assert.Equal($"Sync of {_source} v7 (Smart, dry run): 0 created, 1 updated, 0 unchanged, 0 skipped, 0 rejected, 0 missing upstream, 0 removed", summaries[1].Message);
        Assert.All(summaries, r => Assert.Equal(LogLevel.Information, r.Level));
    }

    [Fact]
    public async Task A_refused_removal_is_logged_as_a_warning_with_the_reason()
    {
        await Synchronizer().SyncAsync(Snapshot(Model(0), Model(1)));

        var report = await Synchronizer().SyncAsync(Snapshot(), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        var refused = Assert.Single(Records(5));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal(_source, State(refused, "Source"));
        Assert.Equal(report.RemovalRefusedReason, State(refused, "Reason"));
        Assert.StartsWith("the snapshot is empty", report.RemovalRefusedReason);
    }

    [Fact]
    public async Task Each_conflict_is_logged_as_a_warning_with_its_attempt_and_the_exception()
    {
        var store = new CountingStore<CatalogModel> { ConflictsToThrow = 2 };

        await Synchronizer(store).SyncAsync(Snapshot(Model(0)));

        var conflicts = Records(4);
        Assert.Equal(["1", "2"], conflicts.Select(r => State(r, "Attempt")));
        Assert.All(conflicts, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(conflicts, r => Assert.IsType<ModelStoreConflictException>(r.Exception));
        Assert.Equal("conflict 2", conflicts[1].Exception!.Message);
    }

    [Fact]
    public async Task Every_run_records_one_duration_measurement_tagged_with_its_source()
    {
        int measurements = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ModelCatalogDiagnostics.Name && instrument.Name == "modelcatalog.sync.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && (string?)tag.Value == _source && value >= 0)
                {
                    Interlocked.Increment(ref measurements);
                }
            }
        });
        listener.Start();

        await Synchronizer().SyncAsync(Snapshot(Model(0)));
        await Synchronizer().SyncAsync(Snapshot(Model(0)), new SyncOptions { DryRun = true });
        await Synchronizer().SyncAsync(Snapshot() with { NotModified = true });

        Assert.Equal(3, measurements);
    }
}
