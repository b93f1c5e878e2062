using System.Text.Json;
using Microsoft.Data.Sqlite;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using Npgsql;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// What opening a catalog creates: a sync creates the database and its tables; a read (list, show, history) and a dry
/// run create nothing, and a database without the catalog's tables answers with an error that names the fix.
/// </summary>
public sealed class StoreOpeningTests : IDisposable
{
    private const string NoTables = "has no model catalog tables: 'modelcatalog sync' creates them in a new or empty database, " +
        "not in one that already holds other tables (create them there with EF Core migrations that call " +
        "modelBuilder.ApplyModelCatalog<CatalogModel>(), or name another database).";

    private readonly CliRun _cli = new();

    [Theory]
    [InlineData("show", "openai/gpt-4o")]
    [InlineData("list")]
    [InlineData("history", "openai/gpt-4o")]
    public async Task A_read_of_a_SQLite_file_without_catalog_tables_fails_naming_the_fix_and_leaves_the_file_as_it_was(params string[] command)
    {
        CreateUnrelatedTable();
        string before = _cli.DatabaseHash();

        var (exit, _, error) = await _cli.RunAsync(command);

        Assert.Equal(1, exit);
        Assert.Equal($"error: SQLite file '{_cli.Database}' {NoTables}", error.Trim());
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_damaged_price_review_makes_list_fail_with_exit_1_naming_the_model()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        using (var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE catalog_models SET price_review = '{' WHERE provider_id = 'openai' AND model_name = 'gpt-4o'";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        var (exit, _, error) = await _cli.RunAsync("list");

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: SQLite file '{_cli.Database}' failed: The stored model 'openai/gpt-4o' cannot be read: its price review holds a value", error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Repair the row, or delete the model and sync it again.", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input_cost_per_million_tokens", "'2.5 dollars'")]
    [InlineData("last_synced_at", "'yesterday'")]
    [InlineData("missing_upstream_since", "1700000000")]
    [InlineData("id", "'not-a-guid'")]
    public async Task A_value_of_the_wrong_type_makes_show_and_a_re_sync_fail_with_exit_1_naming_model_and_column_and_changes_nothing(string column, string value)
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        using (var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = $"UPDATE catalog_models SET {column} = {value} WHERE provider_id = 'openai' AND model_name = 'gpt-4o'";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        string before = _cli.DatabaseHash();
        var (showExit, _, showError) = await _cli.RunAsync("show", "openai/gpt-4o");
        var (syncExit, _, syncError) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        string expected = $"error: SQLite file '{_cli.Database}' failed: The stored model 'openai/gpt-4o' cannot be read: its column '{column}' holds a value the catalog does not write (";
        Assert.Equal((1, 1), (showExit, syncExit));
        Assert.StartsWith(expected, showError.Trim(), StringComparison.Ordinal);
        Assert.StartsWith(expected, syncError.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", syncError.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_dry_run_and_a_sync_on_a_file_with_other_tables_fail_alike_and_leave_the_file_as_it_was()
    {
        CreateUnrelatedTable();
        string before = _cli.DatabaseHash();

        var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"), "--dry-run");
        string afterDryRun = _cli.DatabaseHash();
        var (syncExit, _, syncError) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        Assert.Equal((1, 1), (exit, syncExit));
        Assert.Contains($"SQLite file '{_cli.Database}' {NoTables}", error, StringComparison.Ordinal);
        Assert.Contains($"SQLite file '{_cli.Database}' {NoTables}", syncError, StringComparison.Ordinal);
        Assert.Equal(before, afterDryRun);
        Assert.Equal(before, _cli.DatabaseHash());   // the failed sync did not switch someone else's database to WAL
    }

    [Fact]
    public async Task A_dry_run_on_an_empty_file_reports_the_creations_and_leaves_it_empty()
    {
        File.WriteAllBytes(_cli.Database, []);

        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v1.json"), "--dry-run");

        Assert.Equal(5, report.GetProperty("created").GetInt32());
        Assert.Equal(0, new FileInfo(_cli.Database).Length);
    }

    [Fact]
    public async Task A_dry_run_on_a_corrupt_file_fails_with_exit_1_and_leaves_it_as_it_was()
    {
        File.WriteAllBytes(_cli.Database, System.Text.Encoding.ASCII.GetBytes(new string('x', 4096)));
        string before = _cli.DatabaseHash();

        var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"), "--dry-run");

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: cannot open SQLite file '{_cli.Database}': ", error, StringComparison.Ordinal);
        Assert.Contains("not a database", error, StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_dry_run_against_an_unreachable_PostgreSQL_server_fails_with_exit_1_and_a_clear_error()
    {
        var (exit, _, error) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--dry-run", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=5");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: cannot open the PostgreSQL database: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_dry_run_against_a_PostgreSQL_database_that_does_not_exist_reports_the_creations_and_creates_nothing()
    {
        string database = await PostgresServer.CreateDatabaseAsync("cli_gone");
        await PostgresServer.DropDatabaseAsync(database);

        var (exit, output, error) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--postgres", database, "--dry-run", "--json");

        Assert.True(exit == 0, error);
        Assert.Equal(5, JsonDocument.Parse(output).RootElement.GetProperty("created").GetInt32());
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        await using var connection = new NpgsqlConnection(PostgresServer.RequireConnectionString());
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name!);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }

    [PostgresFact]
    public async Task A_read_and_a_dry_run_on_a_PostgreSQL_database_without_tables_create_nothing()
    {
        string database = await PostgresServer.CreateDatabaseAsync("cli_open");
        try
        {
            var (showExit, _, showError) = await _cli.RunWithoutDbAsync("show", "openai/gpt-4o", "--postgres", database);
            var (dryExit, dryOut, dryError) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--postgres", database, "--dry-run", "--json");

            Assert.Equal(1, showExit);
            Assert.Equal($"error: the PostgreSQL database {NoTables}", showError.Trim());
            Assert.True(dryExit == 0, dryError);
            var report = JsonDocument.Parse(dryOut).RootElement;
            Assert.True(report.GetProperty("dry_run").GetBoolean());
            Assert.Equal(5, report.GetProperty("created").GetInt32());   // the five models of samples/catalog.v1.json
            Assert.Equal(0, await TableCountAsync(database));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [PostgresFact]
    public async Task A_dry_run_on_a_synced_PostgreSQL_database_reads_it_and_writes_nothing()
    {
        string database = await PostgresServer.CreateDatabaseAsync("cli_open");
        try
        {
            var (syncExit, _, syncError) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--postgres", database);
            Assert.True(syncExit == 0, syncError);

            var (dryExit, dryOut, dryError) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--postgres", database, "--dry-run", "--json");

            Assert.True(dryExit == 0, dryError);
            var report = JsonDocument.Parse(dryOut).RootElement;
            Assert.Equal(0, report.GetProperty("created").GetInt32());
            Assert.Equal(0, report.GetProperty("updated").GetInt32());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    public void Dispose() => _cli.Dispose();

    private void CreateUnrelatedTable()
    {
        using var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE unrelated (x INTEGER)";
        create.ExecuteNonQuery();
    }

    private static async Task<long> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
