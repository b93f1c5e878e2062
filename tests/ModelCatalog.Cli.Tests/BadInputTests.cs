using System.Text;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>Bad input gets a clear message naming the problem, the documented exit code, and an unchanged database.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> SeededHashAsync()
    {
        var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        Assert.True(exit == 0, error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return _cli.DatabaseHash();
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("truncated.json", """{"models": [{"id": "openai/gpt-4o", "display_na""", "not valid JSON")]
    [InlineData("wrong-shape.json", """{"models": {"id": "openai/gpt-4o"}}""", "'models' array")]
    [InlineData("array.json", """[1, 2, 3]""", "format cannot be told from its content")]
    public async Task A_malformed_file_fails_with_exit_1_naming_the_problem_and_the_database_is_unchanged(string name, string content, string expected)
    {
        string before = await SeededHashAsync();

        var (exit, output, error) = await _cli.RunAsync("sync", Write(name, content));

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Theory]
    [InlineData("openrouter", "models_2026-02-27.json", "litellm", "This looks like an OpenRouter models response, not a LiteLLM price map: read it as 'openrouter'")]
    [InlineData("litellm", "model_prices_2025-06-27.json", "modelsdev", "This looks like a LiteLLM price map, not a models.dev catalog: read it as 'litellm'")]
    [InlineData("modelsdev", "models_2025-12-30.json", "litellm", "This looks like a models.dev catalog, not a LiteLLM price map: read it as 'modelsdev'")]
    public async Task A_wrong_format_fails_with_exit_1_naming_the_likely_format_and_writes_nothing(string folder, string file, string wrong, string expected)
    {
        string before = await SeededHashAsync();

        var (exit, output, error) = await _cli.RunAsync("sync", SharedData.Path(folder, file), "--format", wrong);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task Entries_with_wrong_types_are_rejected_and_the_rest_applied_with_exit_3()
    {
        await SeededHashAsync();
        string path = Write("types.json", """{"models": [{"id": "x/ok", "cost_per_unit": 1}, {"id": "x/bad", "cost_per_unit": "cheap"}, {"id": "nope"}]}""");

        var (exit, output, _) = await _cli.RunAsync("sync", path);

        Assert.Equal(3, exit);
        Assert.Contains("x/bad: field 'cost_per_unit' is the string \"cheap\", not a number", output, StringComparison.Ordinal);
        Assert.Contains("nope: 'nope' is not a unified model ID", output, StringComparison.Ordinal);
        Assert.Contains("1 created", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_fails_with_exit_1()
    {
        var (exit, _, error) = await _cli.RunAsync("sync", Path.Combine(_cli.Folder, "absent.json"));

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_before_it_is_read_and_the_database_is_unchanged()
    {
        string before = await SeededHashAsync();
        string path = Path.Combine(_cli.Folder, "huge.json");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var (exit, _, error) = await _cli.RunAsync("sync", path);

        Assert.Equal(1, exit);
        Assert.Contains("50.0 MiB, larger than the 32 MiB limit", error, StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_corrupt_database_file_fails_with_exit_1_and_is_left_as_it_was()
    {
        File.WriteAllBytes(_cli.Database, Encoding.ASCII.GetBytes(new string('x', 4096)));
        string before = _cli.DatabaseHash();

        var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        Assert.Equal(1, exit);
        Assert.Contains("not a database", error, StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task A_read_only_database_fails_with_exit_1_and_is_unchanged()
    {
        string before = await SeededHashAsync();
        MakeReadOnly(_cli.Database, true);
        try
        {
            var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v2.json"));

            Assert.Equal(1, exit);
            Assert.Contains("readonly database", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was written", error, StringComparison.Ordinal);
            Assert.Equal(before, _cli.DatabaseHash());
        }
        finally
        {
            MakeReadOnly(_cli.Database, false);
        }
    }

    // Root ignores file modes, so as root the file is made immutable instead (chattr, as CI runs as root).
    private static void MakeReadOnly(string path, bool readOnly)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The read-only database test runs on Linux.");
        }

        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(path, readOnly ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return;
        }

        using var chattr = System.Diagnostics.Process.Start("chattr", [readOnly ? "+i" : "-i", path]);
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, "chattr could not make the database file immutable");
    }

    [Theory]
    [InlineData("sync samples/catalog.v1.json --format yaml", "Unknown format 'yaml'")]
    [InlineData("sync samples/catalog.v1.json --force --skip-existing", "mutually exclusive")]
    [InlineData("sync", "Required argument missing")]
    [InlineData("show open-ai/x", "invalid character at position 4")]
    [InlineData("set openai/gpt-4o", "at least one of")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("list --db a.db --postgres Host=x", "cannot be used together")]
    [InlineData("sync samples/catalog.v1.json --missing delete --max-removal-share NaN", "between 0 and 1")]
    public async Task Usage_errors_exit_with_2_and_say_what_is_wrong(string commandLine, string expected)
    {
        var (exit, _, error) = await _cli.RunWithoutDbAsync(commandLine.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showing_an_unknown_model_fails_with_exit_1()
    {
        await SeededHashAsync();

        var (exit, _, error) = await _cli.RunAsync("show", "openai/GPT-4o");

        Assert.Equal(1, exit);
        Assert.Contains("no model 'openai/GPT-4o'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_before_any_sync_says_the_database_does_not_exist()
    {
        var (exit, _, error) = await _cli.RunAsync("list");

        Assert.Equal(1, exit);
        Assert.Contains("does not exist yet", error, StringComparison.Ordinal);
    }
}
