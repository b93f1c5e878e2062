namespace ModelCatalog.Cli.Commands;

/// <summary>Where the catalog is: a SQLite file or a PostgreSQL connection string.</summary>
internal sealed record StoreLocation(string? SqlitePath, string? PostgresConnectionString)
{
    public string Describe() => SqlitePath is not null ? $"SQLite file '{SqlitePath}'" : "the PostgreSQL database";
}
