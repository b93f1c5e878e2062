using ModelCatalog.Cli.Commands;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store;

namespace ModelCatalog.Cli.Startup;

/// <summary>
/// Start-up work moved off the critical path: a short command spends most of its time loading and compiling code it
/// runs once (EF Core's services, Spectre.Console's layout), one step after the other on one core. Work that does not
/// depend on the step before it is started here on the thread pool, so the second core does it meanwhile. A warm-up
/// touches no file and no database and never fails the command: it only loads and runs code the command will run anyway.
/// </summary>
internal static class WarmUp
{
    /// <summary>Lays out and renders a small table to nowhere, while the command reads its data.</summary>
    public static void Tables() => _ = Run(static () =>
    {
        var console = Terminal.Create(TextWriter.Null, redirected: true, noColor: true);
        var table = Output.Tables.Create("field", "value");
        table.Add("id", "warm/up");
        console.Write(table.Fit(console, 2, 3));
    });

    /// <summary>
    /// Builds EF Core's services and model for <paramref name="location"/> without opening a connection, while a sync
    /// reads its input; the store opened afterwards finds them built (EF Core caches both per options). Await the task
    /// before opening the store, so the two never build the same services at the same time; it never faults.
    /// </summary>
    public static Task Store(StoreLocation location) => Run(() => CatalogStoreFactory.Prepare(location));

    private static Task Run(Action work) => Task.Run(() =>
    {
        try
        {
            work();
        }
        catch (Exception)
        {
            // Only a head start: whatever failed here fails again, and is reported, where the command does the work.
        }
    });
}
