using System.CommandLine;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Commands;

/// <summary>The options every command shares: where the catalog lives, and JSON output.</summary>
internal sealed class StoreOptions
{
    public const string DefaultDatabase = "modelcatalog.db";

    public Option<string> Db { get; } = new("--db") { Description = $"The SQLite database file (created on first use). Default: ./{DefaultDatabase}." };

    public Option<string> Postgres { get; } = new("--postgres") { Description = "A PostgreSQL connection string, instead of the SQLite file." };

    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON instead of a table." };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
        command.Options.Add(Json);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Db) is not null && result.GetResult(Postgres) is not null)
            {
                result.AddError("--db and --postgres cannot be used together.");
            }
        });
    }

    public StoreLocation Location(ParseResult parse)
    {
        var postgres = parse.GetValue(Postgres);
        return string.IsNullOrEmpty(postgres)
            ? new StoreLocation(parse.GetValue(Db) is { Length: > 0 } db ? db : DefaultDatabase, null)
            : new StoreLocation(null, postgres);
    }

    /// <summary>
    /// Opens the existing catalog, runs <paramref name="read"/> on it and closes it; a database failure is reported on
    /// standard error and yields <see langword="false"/> (the command then exits with <see cref="ExitCodes.Failure"/>).
    /// </summary>
    public async Task<(bool Ok, T Value)> ReadAsync<T>(
        ParseResult parse, CliConsole console, Func<IModelStore<CatalogModel>, ValueTask<T>> read, CancellationToken cancellationToken, string? failureSuffix = null)
    {
        try
        {
            await using var handle = await CatalogStoreFactory.OpenAsync(Location(parse), cancellationToken, create: false).ConfigureAwait(false);
            return (true, await read(handle.Store).ConfigureAwait(false));
        }
        catch (CatalogStoreException exception)
        {
            console.Error($"error: {exception.Message}{failureSuffix}");
            return (false, default!);
        }
        catch (ModelStoreConflictException exception)
        {
            console.Error($"error: the model kept changing under the edit: {Sentence.End(exception.Message)}{failureSuffix}");
            return (false, default!);
        }
    }
}
