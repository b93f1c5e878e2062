using System.Text;
using Microsoft.Data.Sqlite;
using ModelCatalog.Cli.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// The reproductions of the hostile-upstream run: text that cannot be read without replacement and records nested
/// beyond the catalog's limit never crash the tool, and whatever a sync stores stays readable by every command.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_cli.Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<string> SeededHashAsync()
    {
        var (exit, _, error) = await _cli.RunAsync("sync", Write("seed.json", """{"gpt-x": {"litellm_provider": "openai", "input_cost_per_token": 1e-6, "notes": "seed"}}"""u8.ToArray()), "--format", "litellm");
        Assert.True(exit == 0, error);
        SqliteConnection.ClearAllPools();
        return _cli.DatabaseHash();
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_key_fails_the_file_with_exit_1_naming_it_and_its_line()
    {
        string before = await SeededHashAsync();
        string path = Write("r1.json", Encoding.ASCII.GetBytes("{\"gpt-x\\ud800\":{\"litellm_provider\":\"openai\",\"input_cost_per_token\":1e-6}}"));

        var (exit, _, error) = await _cli.RunAsync("sync", path, "--format", "litellm");

        Assert.Equal(1, exit);
        Assert.Contains(@"an unpaired surrogate escape \ud800 at line 1, column 8", error, StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_unmapped_field_of_an_existing_model_fails_the_file_and_changes_nothing()
    {
        string before = await SeededHashAsync();
        byte[] content = [.. Encoding.ASCII.GetBytes("{\"gpt-x\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": 1e-6, \"notes\": \"se"), 0xFF, .. Encoding.ASCII.GetBytes("ed\"}}")];

        var (exit, _, error) = await _cli.RunAsync("sync", Write("utf8.json", content), "--format", "litellm");

        Assert.Equal(1, exit);
        Assert.Contains("invalid UTF-8 at line 1, column 84", error, StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_record_nested_beyond_the_limit_is_rejected_and_the_database_stays_readable_by_every_command()
    {
        await SeededHashAsync();
        string deep = new string('[', 100) + new string(']', 100);
        string atLimit = new string('[', 63) + new string(']', 63); // inside the record object: 64 levels in all
        string path = Write("deep.json", Encoding.ASCII.GetBytes(
            "{\"gpt-deep\": {\"litellm_provider\": \"openai\", \"x\": " + deep + "}, " +
            "\"gpt-x\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": 2e-6, \"x\": " + atLimit + "}}"));

        var (exit, output, error) = await _cli.RunAsync("sync", path, "--format", "litellm");

        Assert.True(exit == 3, error);
        Assert.Contains("gpt-deep: its record nests 101 levels deep, more than the catalog's limit of 64", output, StringComparison.Ordinal);
        foreach (string[] command in new[] { new[] { "list" }, ["list", "--json"], ["show", "openai/gpt-x"], ["show", "openai/gpt-x", "--json"], ["history", "openai/gpt-x"], ["history", "openai/gpt-x", "--json"] })
        {
            var (code, _, failure) = await _cli.RunAsync(command);
            Assert.True(code == 0, $"{string.Join(' ', command)}: exit {code}: {failure}");
        }

        var (again, _, againError) = await _cli.RunAsync("sync", path, "--format", "litellm");
        Assert.True(again == 3, againError);
    }

    [Fact]
    public async Task The_tool_creates_its_database_with_write_ahead_logging()
    {
        await SeededHashAsync();

        using var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Concurrent_syncs_of_one_database_wait_for_each_other_instead_of_failing()
    {
        await SeededHashAsync();

        var runs = await Task.WhenAll(
            Task.Run(() => _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"))),
            Task.Run(() => _cli.RunAsync("sync", CliRun.Sample("catalog.v2.json"))),
            Task.Run(() => _cli.RunAsync("list")),
            Task.Run(() => _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"))));

        Assert.All(runs, run => Assert.True(run.Exit == 0, run.Error));
    }
}
