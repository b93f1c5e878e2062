using System.Text.RegularExpressions;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Tests.Support;
using Spectre.Console;
using Spectre.Console.Testing;

namespace ModelCatalog.Cli.Tests;

/// <summary>The human output, rendered on Spectre's test console at 80 and 160 columns and on the tool's own consoles.</summary>
public sealed partial class RenderingTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    // v1, an admin's custom name, then v2: 1 created, 3 updated, and 2 unchanged (gpt-4o keeps its name, gpt-4o-mini is as it was).
    private async Task SeedAsync()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        await _cli.RunAsync("set", "openai/gpt-4o", "--display-name", "Our GPT-4o", "--active", "false");
    }

    private async Task<string> RenderAsync(int width, bool ansi, params string[] args)
    {
        using var console = new TestConsole().Width(width);
        if (ansi)
        {
            console.EmitAnsiSequences();
        }

        var (exit, error) = await _cli.RunOnAsync(console, args);
        Assert.True(exit is 0 or 3, $"exit {exit}: {error}");
        return ansi ? Ansi().Replace(console.Output, string.Empty) : console.Output;
    }

    private static string[] Lines(string output) => [.. output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];

    // Paragraphs separated by blank lines, each with its wrapped lines joined by single spaces.
    private static string[] Blocks(string output)
        => [.. output.ReplaceLineEndings("\n").Split("\n\n").Select(b => Spaces().Replace(b, " ").Trim()).Where(b => b.Length > 0)];

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public async Task The_sync_summary_comes_first_and_again_last(int width)
    {
        await SeedAsync();

        string[] blocks = Blocks(await RenderAsync(width, ansi: false, "sync", CliRun.Sample("catalog.v2.json")));

        Assert.StartsWith("sample 2026-11-15 into SQLite file", blocks[0], StringComparison.Ordinal);
        Assert.Contains("1 created, 3 updated, 2 unchanged, 0 skipped, 0 rejected, 0 aliases, 0 missing upstream, 0 deactivated, 0 removed.", blocks[0], StringComparison.Ordinal);
        Assert.Equal(blocks[0], blocks[^1]);
        Assert.True(blocks.Length >= 3, "the changes table lies between the two summaries");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public async Task Unchanged_models_get_no_row_unless_verbose(int width)
    {
        await SeedAsync();

        string normal = await RenderAsync(width, ansi: false, "sync", CliRun.Sample("catalog.v2.json"), "--dry-run");
        string verbose = await RenderAsync(width, ansi: false, "sync", CliRun.Sample("catalog.v2.json"), "--dry-run", "--verbose");

        Assert.DoesNotContain("gpt-4o", normal, StringComparison.Ordinal);
        Assert.Contains("openai/gpt-4o-mini", verbose, StringComparison.Ordinal);
        Assert.Contains("elevenlabs/", normal, StringComparison.Ordinal); // a changed model does get its rows
    }

    [Theory]
    [InlineData(80, "sync")]
    [InlineData(160, "sync")]
    [InlineData(80, "list")]
    [InlineData(80, "show")]
    [InlineData(80, "history")]
    [InlineData(160, "history")]
    public async Task Every_line_fits_the_terminal_width(int width, string command)
    {
        await SeedAsync();
        string[] args = command switch
        {
            "sync" => ["sync", CliRun.Sample("catalog.v2.json")],
            "list" => ["list"],
            _ => [command, "openrouter/meta-llama/llama-3.1-70b-instruct"],
        };

        string[] lines = Lines(await RenderAsync(width, ansi: true, args));

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.GetCellWidth() <= width, $"{line.GetCellWidth()} cells: {line}"));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public async Task History_says_your_value_was_kept_at_every_width(int width)
    {
        await SeedAsync();
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v2.json"));

        string history = await RenderAsync(width, ansi: true, "history", "openai/gpt-4o");

        Assert.Contains("kept your value", history, StringComparison.Ordinal);
        Assert.Contains("kept local", history, StringComparison.Ordinal);
        Assert.DoesNotContain("kept_customized", history, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Our GPT-4o\" → \"GPT-4o (2024-11-20)\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wide_history_shows_the_kept_name_beside_the_official_one_on_one_row()
    {
        await SeedAsync();
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v2.json"));

        string[] lines = Lines(await RenderAsync(160, ansi: true, "history", "openai/gpt-4o"));

        Assert.Contains(lines, l => l.Contains("sample 2026-11-15", StringComparison.Ordinal) && l.Contains("display_name", StringComparison.Ordinal)
            && l.Contains("\"Our GPT-4o\" stays (official: \"GPT-4o (2024-11-20)\")", StringComparison.Ordinal) && l.Contains("kept your value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_terminal_gets_colour_but_not_with_NO_COLOR()
    {
        await SeedAsync();
        using var coloured = new StringWriter();
        using var noColor = new StringWriter();

        await _cli.RunOnAsync(Terminal.Create(coloured, redirected: false, noColor: false, ColorSystemSupport.Standard), "sync", CliRun.Sample("catalog.v2.json"), "--dry-run");
        await _cli.RunOnAsync(Terminal.Create(noColor, redirected: false, noColor: true, ColorSystemSupport.Standard), "sync", CliRun.Sample("catalog.v2.json"), "--dry-run");

        Assert.Matches(ColourCode(), coloured.ToString());
        Assert.DoesNotMatch(ColourCode(), noColor.ToString());
        Assert.Contains("1 created", Spaces().Replace(Ansi().Replace(noColor.ToString(), string.Empty), " "), StringComparison.Ordinal);
    }

    // SGR foreground or background colours: 30–37, 39, 40–47, 90–97, 100–107, 38;… and 48;….
    [GeneratedRegex("\u001b\\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")]
    private static partial Regex ColourCode();

    [Fact]
    public async Task Redirected_output_has_no_ANSI_codes_at_all()
    {
        await SeedAsync();
        using var redirected = new StringWriter();

        await _cli.RunOnAsync(Terminal.Create(redirected, redirected: true, noColor: false, ColorSystemSupport.Standard), "sync", CliRun.Sample("catalog.v2.json"), "--dry-run");

        Assert.Contains("1 created", redirected.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", redirected.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public async Task Quiet_prints_one_summary_line(int width)
    {
        await SeedAsync();

        string output = await RenderAsync(width, ansi: true, "sync", CliRun.Sample("catalog.v2.json"), "--quiet");

        string line = Assert.Single(Lines(output));
        Assert.Contains("1 created, 3 updated, 2 unchanged", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_decimals_without_trailing_zeros()
    {
        await SeedAsync();

        string[] lines = Lines(await RenderAsync(160, ansi: false, "show", "openai/gpt-4o"));

        string output = Assert.Single(lines, l => l.Contains("output_cost_per_million_tokens", StringComparison.Ordinal));
        Assert.EndsWith("│ 10", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.4000000", "0.4")]
    [InlineData("10.0", "10")]
    [InlineData("{\"input\":2.50,\"tiers\":[{\"above\":200000,\"input\":5.000}]}", "{\"input\":2.5,\"tiers\":[{\"above\":200000,\"input\":5}]}")]
    [InlineData("\"Our GPT-4o\"", "\"Our GPT-4o\"")]
    [InlineData("null", "(none)")]
    public void Display_values_drop_trailing_zeros_from_every_number(string json, string expected)
        => Assert.Equal(expected, DisplayValue.FromJson(json));
}
