using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Diagnostics;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Tests.Policies;

namespace ModelCatalog.Tests.ReadModel;

public sealed class ReadModelHealthAndMetricsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));

    private sealed class BreakableStore : InMemoryModelStore<CatalogModel>, IModelChangeFeed<CatalogModel>
    {
        public bool Broken { get; set; }

        ValueTask<long> IModelChangeFeed<CatalogModel>.GetChangeMarkerAsync(CancellationToken cancellationToken)
            => Broken ? throw new TimeoutException("the database did not answer") : GetChangeMarkerAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> CheckAsync(IModelReadModel<CatalogModel> readModel)
    {
        var check = new ModelReadModelHealthCheck<CatalogModel>(readModel, Options.Create(new ModelReadModelOptions { MaxSnapshotAge = TimeSpan.FromSeconds(30) }), _time);
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    [Fact]
    public async Task Health_follows_the_snapshot_age_and_the_last_refresh_error()
    {
        var store = new BreakableStore();
        var readModel = new ModelReadModel<CatalogModel>(store, timeProvider: _time);

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(readModel)).Status); // never loaded
        await readModel.RefreshAsync();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(readModel)).Status);

        _time.Advance(TimeSpan.FromSeconds(31));
        var stale = await CheckAsync(readModel);
        Assert.Equal(HealthStatus.Degraded, stale.Status);
        Assert.Equal(31.0, stale.Data["age_seconds"]);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(readModel)).Status);

        await readModel.RefreshAsync(); // confirmed current again
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(readModel)).Status);

        store.Broken = true;
        await Assert.ThrowsAsync<TimeoutException>(async () => await readModel.RefreshAsync());
        var failing = await CheckAsync(readModel);
        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Equal("the database did not answer", failing.Data["last_error"]);
        Assert.IsType<TimeoutException>(failing.Exception);
    }

    [Fact]
    public void The_health_check_registers_with_the_read_model()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddModelCatalog();
        services.AddHealthChecks().AddModelCatalogReadModelCheck<CatalogModel>();
        using var provider = services.BuildServiceProvider();

        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        Assert.Equal("modelcatalog-read-model", registration.Name);
        Assert.IsType<ModelReadModelHealthCheck<CatalogModel>>(registration.Factory(provider));
    }

    [Fact]
    public async Task Refreshes_errors_and_the_snapshot_age_are_published_as_metrics()
    {
        // A model type of its own, so measurements of other tests running in parallel are told apart by the tag.
        var store = new ExtendedStore();
        var measurements = new List<(string Name, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ModelCatalogDiagnostics.Name && instrument.Name.StartsWith("modelcatalog.read_model.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
        using var readModel = new ModelReadModel<ExtendedCatalogModel>(store, timeProvider: _time);

        await readModel.RefreshAsync();
        await readModel.RefreshAsync();
        store.Broken = true;
        await Assert.ThrowsAsync<TimeoutException>(async () => await readModel.RefreshAsync());
        _time.Advance(TimeSpan.FromSeconds(12));
        listener.RecordObservableInstruments();

        lock (measurements)
        {
            Assert.Equal(2, measurements.Count(m => m.Name == "modelcatalog.read_model.refreshes"));
            Assert.Equal(1, measurements.Count(m => m.Name == "modelcatalog.read_model.refresh_errors"));
            Assert.Equal(2, measurements.Count(m => m.Name == "modelcatalog.read_model.refresh.duration"));
            Assert.Equal(12.0, measurements.Single(m => m.Name == "modelcatalog.read_model.age").Value);
            Assert.Equal(0.0, measurements.Single(m => m.Name == "modelcatalog.read_model.models").Value);
        }

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "model_type", Value: nameof(ExtendedCatalogModel) })
                {
                    lock (measurements)
                    {
                        measurements.Add((instrument.Name, value));
                    }
                }
            }
        }
    }

    private sealed class ExtendedStore : InMemoryModelStore<ExtendedCatalogModel>, IModelChangeFeed<ExtendedCatalogModel>
    {
        public bool Broken { get; set; }

        ValueTask<long> IModelChangeFeed<ExtendedCatalogModel>.GetChangeMarkerAsync(CancellationToken cancellationToken)
            => Broken ? throw new TimeoutException("the database did not answer") : GetChangeMarkerAsync(cancellationToken);
    }
}
