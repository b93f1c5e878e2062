using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ModelCatalog.Diagnostics;

/// <summary>
/// The library's traces and metrics, both named <see cref="Name"/>: an <see cref="Activity"/> per sync run, and the
/// counters <c>modelcatalog.sync.created</c>, <c>modelcatalog.sync.updated</c>, <c>modelcatalog.sync.rejected</c> and
/// the histogram <c>modelcatalog.sync.duration</c> (seconds), each tagged with <c>source</c>.
/// </summary>
public static class ModelCatalogDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>ModelCatalog</c>.</summary>
    public const string Name = "ModelCatalog";

    /// <summary>Traces: one activity per sync run.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    internal static Counter<long> Created { get; } = Meter.CreateCounter<long>("modelcatalog.sync.created", "{model}", "Models created by sync runs.");

    internal static Counter<long> Updated { get; } = Meter.CreateCounter<long>("modelcatalog.sync.updated", "{model}", "Models updated by sync runs.");

    internal static Counter<long> Rejected { get; } = Meter.CreateCounter<long>("modelcatalog.sync.rejected", "{entry}", "Official entries rejected by sync runs.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>("modelcatalog.sync.duration", "s", "Duration of sync runs.");
}
