using System.Text;
using ModelCatalog.Cli.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>What a new user meets first: the help, a typo, a wrong value, a wrong path, a broken file or database.</summary>
public sealed class HelpAndErrorTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_help_calls_the_tool_modelcatalog()
    {
        var (exit, output, _) = await _cli.RunWithoutDbAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:\n  modelcatalog [command] [options]", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_call_prints_the_help_and_exits_2()
    {
        var (exit, output, _) = await _cli.RunWithoutDbAsync();

        Assert.Equal(2, exit);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("sync <file-or-url>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synx", "Did you mean 'sync'?")]
    [InlineData("hist", "Did you mean 'history'?")]
    [InlineData("list --provder openai", "Did you mean '--provider'?")]
    public async Task A_mistyped_command_or_option_gets_a_suggestion(string commandLine, string expected)
    {
        var (exit, _, error) = await _cli.RunWithoutDbAsync(commandLine.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_not_also_reported_as_a_missing_command()
    {
        var (_, _, error) = await _cli.RunWithoutDbAsync("synx");

        Assert.DoesNotContain("Required command", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_active_maybe_says_that_active_expects_true_or_false()
    {
        var (exit, _, error) = await _cli.RunAsync("set", "openai/gpt-4o", "--active", "maybe");

        Assert.Equal(2, exit);
        Assert.Equal("error: --active expects true or false, got 'maybe'.", error.Trim());
    }

    [Fact]
    public async Task Syncing_a_directory_says_it_is_a_directory_and_creates_no_database()
    {
        var (exit, _, error) = await _cli.RunAsync("sync", _cli.Folder);

        Assert.Equal(1, exit);
        Assert.Contains($"'{_cli.Folder}' is a directory, not a catalog file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task A_dry_run_against_a_database_that_does_not_exist_reports_the_creations_and_creates_no_file()
    {
        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v1.json"), "--dry-run");

        Assert.Equal(5, report.GetProperty("created").GetInt32());
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task Malformed_JSON_is_reported_with_the_line_and_column_counted_from_1()
    {
        string path = Path.Combine(_cli.Folder, "broken.json");
        File.WriteAllText(path, "{\n  \"models\": [?]\n}", new UTF8Encoding(false));

        var (exit, _, error) = await _cli.RunAsync("sync", path);

        Assert.Equal(1, exit);
        Assert.Contains("not valid JSON at line 2, column 14: '?' is an invalid start of a value.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PostgreSQL_connection_error_ends_with_a_full_stop_before_nothing_was_written()
    {
        // Port 1 on the loopback address refuses at once: no server is needed to see the message.
        var (exit, _, error) = await _cli.RunWithoutDbAsync("sync", CliRun.Sample("catalog.v1.json"), "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=5");

        Assert.Equal(1, exit);
        Assert.EndsWith("Failed to connect to 127.0.0.1:1. Nothing was written.", error.Trim(), StringComparison.Ordinal);
    }
}
