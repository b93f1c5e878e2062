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
// Or:    SyncWorker edit <sqlite|postgres> <connection string> <model id>
// A second replica in its own process: for each line read from standard input, sets the model's display name to it
// through the catalog (so PostgreSQL notifies inside the transaction) and prints "EDITED <line>"; exits at end of input.
if (args is ["edit", var editProvider, var editConnection, var editId])
{
    var editStore = new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(new PooledDbContextFactory<ModelCatalogDbContext>(Options(editProvider, editConnection).Options));
    using var catalog = new DefaultModelCatalog<CatalogModel>(editStore);
    var id = UnifiedModelId.Parse(editId);

    // Warm up (EF Core model, connection, the edit path) before READY, so the first measured change is not start-up.
    await catalog.EditAsync(id, m => m.Description = "warmed up");
    Console.Out.WriteLine("READY");
    Console.Out.Flush();
    while (await Console.In.ReadLineAsync() is { } name)
    {
        var result = await catalog.EditAsync(id, m => m.DisplayName = name);
        Console.Out.WriteLine(result.Status == LocalEditStatus.Updated ? $"EDITED {name}" : $"FAILED {name}: {result.Status}");
        Console.Out.Flush();
    }

    return 0;
}

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: SyncWorker <sqlite|postgres> <connection string> <snapshot.json> <source> [go file] [hang after N commands]");
    return 2;
}

var builder = Options(args[0], args[1]);
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

static DbContextOptionsBuilder<ModelCatalogDbContext> Options(string provider, string connectionString)
{
    var builder = new DbContextOptionsBuilder<ModelCatalogDbContext>();
    return provider switch
    {
        "sqlite" => builder.UseSqlite(connectionString),
        // Batches of 100 statements (instead of Npgsql's default) so a hang point falls between round trips of one batch.
        "postgres" => builder.UseNpgsql(connectionString, o => o.MaxBatchSize(100)),
        _ => throw new ArgumentException("provider must be sqlite or postgres", nameof(provider)),
    };
}
