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
    public async Task The_exit_code_is_3_when_entries_were_rejected_and_0_when_none_were()
    {
        var (rejectedExit, rejectedOutput, _) = await _cli.RunAsync("sync", SharedData.Path("litellm", "model_prices_2026-03-03.json"), "--format", "litellm");
        var (cleanExit, _, _) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        // 2026-03-03 has keys that map onto an ID another key already took: those entries are rejected and listed.
        Assert.Equal(3, rejectedExit);
        Assert.Contains("Rejected:", rejectedOutput, StringComparison.Ordinal);
        Assert.Contains("which upstream key", rejectedOutput, StringComparison.Ordinal);
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
