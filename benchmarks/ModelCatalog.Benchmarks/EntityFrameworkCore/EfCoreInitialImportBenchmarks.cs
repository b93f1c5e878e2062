using BenchmarkDotNet.Attributes;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>Initial import into an empty catalog database, recreated before every iteration (not measured).</summary>
public class EfCoreInitialImportBenchmarks : EfCoreSyncBenchmarks
{
    [IterationSetup]
    public void EmptyDatabase() => Database.RecreateAsync().GetAwaiter().GetResult();
}
