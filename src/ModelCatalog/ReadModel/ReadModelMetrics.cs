using System.Diagnostics.Metrics;
using ModelCatalog.Diagnostics;

namespace ModelCatalog.ReadModel;

/// <summary>
/// The read model's instruments on the <c>ModelCatalog</c> meter, each tagged with <c>model_type</c>:
/// <c>modelcatalog.read_model.age</c> (s, gauge: time since the snapshot was last confirmed current),
/// <c>modelcatalog.read_model.models</c> (gauge), <c>modelcatalog.read_model.refreshes</c> (counter, tagged
/// <c>changed</c>), <c>modelcatalog.read_model.refresh_errors</c> (counter) and
/// <c>modelcatalog.read_model.refresh.duration</c> (s, histogram).
/// </summary>
internal static class ReadModelMetrics
{
    private static readonly Lock Gate = new();
    private static readonly List<Tracked> Live = [];

    private static readonly Counter<long> Refreshes = ModelCatalogDiagnostics.Meter.CreateCounter<long>(
        "modelcatalog.read_model.refreshes", "{refresh}", "Successful read model refreshes.");

    private static readonly Counter<long> Errors = ModelCatalogDiagnostics.Meter.CreateCounter<long>(
        "modelcatalog.read_model.refresh_errors", "{refresh}", "Failed read model refreshes.");

    private static readonly Histogram<double> Duration = ModelCatalogDiagnostics.Meter.CreateHistogram<double>(
        "modelcatalog.read_model.refresh.duration", "s", "Duration of read model refreshes.");

    static ReadModelMetrics()
    {
        ModelCatalogDiagnostics.Meter.CreateObservableGauge("modelcatalog.read_model.age", ObserveAges, "s", "Time since the read model's snapshot was last confirmed current.");
        ModelCatalogDiagnostics.Meter.CreateObservableGauge("modelcatalog.read_model.models", ObserveCounts, "{model}", "Models in the read model's snapshot.");
    }

    /// <summary>
    /// Adds a read model to the gauges until the returned handle is disposed or the read model is collected (held
    /// weakly, so a read model nobody disposes does not live for ever).
    /// </summary>
    public static IDisposable Track(string modelType, object owner, Func<object, (ModelReadModelStatus Status, DateTimeOffset Now, int Count)> read)
    {
        var tracked = new Tracked(modelType, new WeakReference<object>(owner), read);
        lock (Gate)
        {
            Live.Add(tracked);
        }

        return tracked;
    }

    public static void Refreshed(string modelType, bool changed, TimeSpan duration)
    {
        var type = new KeyValuePair<string, object?>("model_type", modelType);
        Refreshes.Add(1, type, new KeyValuePair<string, object?>("changed", changed));
        Duration.Record(duration.TotalSeconds, type);
    }

    public static void RefreshFailed(string modelType) => Errors.Add(1, new KeyValuePair<string, object?>("model_type", modelType));

    private static IEnumerable<Measurement<double>> ObserveAges()
    {
        foreach (var tracked in Snapshot())
        {
            if (tracked.Read() is ({ } status, var now, _) && status.AgeAt(now) is { } age)
            {
                yield return new Measurement<double>(age.TotalSeconds, new KeyValuePair<string, object?>("model_type", tracked.ModelType));
            }
        }
    }

    private static IEnumerable<Measurement<int>> ObserveCounts()
    {
        foreach (var tracked in Snapshot())
        {
            if (tracked.Read() is ({ }, _, var count))
            {
                yield return new Measurement<int>(count, new KeyValuePair<string, object?>("model_type", tracked.ModelType));
            }
        }
    }

    private static Tracked[] Snapshot()
    {
        lock (Gate)
        {
            return [.. Live];
        }
    }

    private sealed class Tracked(string modelType, WeakReference<object> owner, Func<object, (ModelReadModelStatus, DateTimeOffset, int)> read) : IDisposable
    {
        public string ModelType { get; } = modelType;

        // The owner's figures; a null status once it was collected (it then leaves the list).
        public (ModelReadModelStatus? Status, DateTimeOffset Now, int Count) Read()
        {
            if (owner.TryGetTarget(out var target))
            {
                return read(target);
            }

            Dispose();
            return (null, default, 0);
        }

        public void Dispose()
        {
            lock (Gate)
            {
                Live.Remove(this);
            }
        }
    }
}
