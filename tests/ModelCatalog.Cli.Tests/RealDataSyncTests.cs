using System.Text.Json;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>The real command on real public catalogs from ../shared/data, each synced from an older to a newer snapshot.</summary>
public sealed class RealDataSyncTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, string, string, string> Snapshots => new()
    {
        { "litellm", "litellm", "model_prices_2024-06-29.json", "model_prices_2025-01-31.json" },
        { "openrouter", "openrouter", "models_2026-04-30.json", "models_2026-05-01.json" },
        { "modelsdev", "modelsdev", "models_2025-12-30.json", "models_2026-07-02.json" },
    };

    [Theory]
    [MemberData(nameof(Snapshots))]
    public async Task Every_entry_is_created_or_rejected_set_edits_survive_and_a_repeat_updates_nothing(string format, string folder, string older, string newer)
    {
        string first = SharedData.Path(folder, older);
        string second = SharedData.Path(folder, newer);

        var initial = await _cli.JsonAsync("sync", first, "--format", format);
        Assert.Equal(Entries(format, first), Count(initial, "created") + Count(initial, "rejected"));
        Assert.All(initial.GetProperty("rejections").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));

        var edited = initial.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Where((_, i) => i % 97 == 0).Take(5).ToList();
        foreach (var id in edited)
        {
            var (exit, _, error) = await _cli.RunAsync("set", id, "--active", "false", "--display-name", "Ours " + id);
            Assert.True(exit == 0, error);
        }

        var update = await _cli.JsonAsync("sync", second, "--format", format);
        Assert.Equal(Entries(format, second), Count(update, "created") + Count(update, "updated") + Count(update, "unchanged") + Count(update, "rejected"));
        foreach (var id in edited)
        {
            var model = await _cli.JsonAsync("show", id);
            Assert.False(model.GetProperty("is_active").GetBoolean());
            Assert.Equal("Ours " + id, model.GetProperty("display_name").GetString());
        }

        var repeat = await _cli.JsonAsync("sync", second, "--format", format);
        Assert.Equal((0, 0, 0), (Count(repeat, "created"), Count(repeat, "updated"), Count(repeat, "writes")));
    }

    [Fact]
    public async Task LiteLlm_2025_06_27_then_2026_03_03_with_missing_deactivate_exits_0_reports_aliases_and_deactivates_within_the_guard()
    {
        var older = SharedData.Path("litellm", "model_prices_2025-06-27.json");
        var newer = SharedData.Path("litellm", "model_prices_2026-03-03.json");
        var (firstExit, _, firstError) = await _cli.RunAsync("sync", older, "--format", "litellm");
        Assert.Equal(0, firstExit);
        Assert.Equal(string.Empty, firstError);

        var (exit, output, _) = await _cli.RunAsync("sync", newer, "--missing", "deactivate");
        var json = await _cli.JsonAsync("sync", newer, "--missing", "deactivate", "--dry-run");

        Assert.Equal(0, exit);
        // Counted independently of the importer: keys whose normalised IDs collide (see AliasOracle).
        var expectedAliases = AliasOracle.LiteLlmAliases(newer);
        Assert.Equal(21, expectedAliases.Count);
        Assert.Contains("0 rejected, 21 aliases", output, StringComparison.Ordinal);
        Assert.Contains("deepseek-chat → deepseek/deepseek-chat (kept 'deepseek/deepseek-chat')", output, StringComparison.Ordinal);
        Assert.Contains("Format: litellm (detected", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Removal refused", output, StringComparison.Ordinal);
        var missing = AliasOracle.LiteLlmIds(older).Except(AliasOracle.LiteLlmIds(newer)).Count();
        Assert.Equal(97, missing);
        Assert.Contains($"{missing} missing upstream, {missing} deactivated", output, StringComparison.Ordinal);
        // The repeat (dry) finds nothing left to deactivate: the deactivation was written.
        Assert.Equal(0, Count(json, "deactivated"));
        Assert.Equal(21, json.GetProperty("aliases").GetArrayLength());
        var show = await _cli.JsonAsync("show", AliasOracle.LiteLlmIds(older).Except(AliasOracle.LiteLlmIds(newer)).First());
        Assert.False(show.GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task The_exit_code_is_3_when_entries_were_rejected_and_0_when_none_were()
    {
        string bad = Path.Combine(_cli.Folder, "bad.json");
        await File.WriteAllTextAsync(bad, """{"gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": "cheap"}, "gpt-4o-mini": {"litellm_provider": "openai"}}""");
        var (rejectedExit, rejectedOutput, _) = await _cli.RunAsync("sync", bad, "--format", "litellm");
        var (cleanExit, _, _) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        Assert.Equal(3, rejectedExit);
        Assert.Contains("Rejected (", rejectedOutput, StringComparison.Ordinal);
        Assert.Contains("gpt-4o: field 'input_cost_per_token' is the string \"cheap\", not a number", rejectedOutput, StringComparison.Ordinal);
        Assert.Equal(0, cleanExit);
    }

    private static int Count(JsonElement report, string name) => report.GetProperty(name).GetInt32();

    // The number of upstream entries a format defines, counted independently of the importer.
    private static int Entries(string format, string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        return format switch
        {
            "litellm" => root.EnumerateObject().Count(p => p.Name != "sample_spec"),
            "openrouter" => (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("data")).GetArrayLength(),
            "modelsdev" => root.EnumerateObject().Sum(p => p.Value.TryGetProperty("models", out var models) ? models.EnumerateObject().Count() : 1),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
