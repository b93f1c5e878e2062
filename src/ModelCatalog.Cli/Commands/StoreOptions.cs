using System.CommandLine;

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
}
