using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ModelCatalog;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Sources;
using ModelCatalog.Sync;

// Usage: SyncWorker <sqlite|postgres> <connection string> <litellm snapshot> <source name> [go file] [hang after N commands]
// Waits for the go file (if any) so two workers start together, syncs, prints the outcome and exits 0.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: SyncWorker <sqlite|postgres> <connection string> <snapshot.json> <source> [go file] [hang after N commands]");
    return 2;
}

var builder = new DbContextOptionsBuilder<ModelCatalogDbContext>();
builder = args[0] switch
{
    "sqlite" => builder.UseSqlite(args[1]),
    // Batches of 100 statements (instead of Npgsql's default) so a hang point falls between round trips of one batch.
    "postgres" => builder.UseNpgsql(args[1], o => o.MaxBatchSize(100)),
    _ => throw new ArgumentException("provider must be sqlite or postgres", nameof(args)),
};
if (args.Length > 5 && int.TryParse(args[5], out int hangAfter) && hangAfter > 0)
{
    // Stop in the middle of the batch, transaction open, so the test can kill this process there.
    builder.AddInterceptors(new CommandInterceptor(hangAfter, _ =>
    {
        Console.Out.WriteLine("HANGING");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }));
}

var store = new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(new PooledDbContextFactory<ModelCatalogDbContext>(builder.Options));
await store.EnsureCreatedAsync();
var snapshot = await CatalogImporter.ReadFileAsync(args[2], CatalogFormat.LiteLlm, args[3], null, DateTimeOffset.UtcNow);

if (args.Length > 4 && args[4].Length > 0)
{
    Console.Out.WriteLine("READY");
    Console.Out.Flush();
    while (!File.Exists(args[4]))
    {
        await Task.Delay(2);
    }
}

var clock = System.Diagnostics.Stopwatch.StartNew();
var report = await new ModelSynchronizer<CatalogModel>(store).SyncAsync(snapshot);
Console.Out.WriteLine($"DONE created={report.Created} updated={report.Updated} unchanged={report.Unchanged} missing={report.MissingUpstream} attempts={report.Attempts} ms={clock.ElapsedMilliseconds}");
return 0;
