using ModelCatalog.Cli.Tests.Support;

namespace ModelCatalog.Cli.Tests;

public sealed class SampleSyncTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Syncing_the_sample_creates_every_model_and_a_repeat_reports_nothing_updated()
    {
        var (exit, output, _) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        var repeat = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v1.json"));

        Assert.Equal(0, exit);
        Assert.Contains("5 created", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 5), (repeat.GetProperty("created").GetInt32(), repeat.GetProperty("updated").GetInt32(), repeat.GetProperty("unchanged").GetInt32()));
        Assert.Equal(0, repeat.GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task A_set_edit_survives_the_next_smart_sync_while_official_fields_update()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        var (setExit, _, setError) = await _cli.RunAsync("set", "openai/gpt-4o", "--display-name", "Our GPT-4o", "--active", "false");
        Assert.Equal(0, setExit);
        Assert.Equal(string.Empty, setError);

        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v2.json"));

        var gpt = await _cli.JsonAsync("show", "openai/gpt-4o");
        Assert.Equal("Our GPT-4o", gpt.GetProperty("display_name").GetString());
        Assert.False(gpt.GetProperty("is_active").GetBoolean());
        var tts = await _cli.JsonAsync("show", "elevenlabs/eleven_turbo_v2");
        Assert.Equal(0.0016m, tts.GetProperty("cost_per_unit").GetDecimal());
        Assert.Equal("快速文本转语音,低延迟", tts.GetProperty("description").GetString());
        Assert.True(tts.GetProperty("is_active").GetBoolean());
        Assert.Equal("2026-11-15", tts.GetProperty("source_version").GetString());
        var claude = await _cli.JsonAsync("show", "anthropic/claude-3-5-sonnet-20241022");
        Assert.Equal("Claude 3.5 Sonnet (new)", claude.GetProperty("display_name").GetString());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var gptLine = report.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "openai/gpt-4o");
        Assert.Contains(gptLine.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "display_name" && c.GetProperty("decision").GetString() == "kept_customized");
        var history = await _cli.JsonAsync("history", "openai/gpt-4o");
        Assert.Equal(["created", "local_edit", "synced"], history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Skip_existing_creates_new_models_and_leaves_existing_ones_untouched()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v2.json"), "--skip-existing");

        Assert.Equal((1, 5, 0), (report.GetProperty("created").GetInt32(), report.GetProperty("skipped").GetInt32(), report.GetProperty("updated").GetInt32()));
        Assert.Equal(0.0014m, (await _cli.JsonAsync("show", "elevenlabs/eleven_turbo_v2")).GetProperty("cost_per_unit").GetDecimal());
    }

    [Fact]
    public async Task Force_overwrites_local_edits_and_local_fields()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        await _cli.RunAsync("set", "openai/gpt-4o", "--display-name", "Ours", "--visible", "false");

        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v2.json"), "--force");

        var gpt = await _cli.JsonAsync("show", "openai/gpt-4o");
        Assert.Equal("GPT-4o (2024-11-20)", gpt.GetProperty("display_name").GetString());
        Assert.True(gpt.GetProperty("is_visible").GetBoolean());
        var tts = await _cli.JsonAsync("show", "elevenlabs/eleven_turbo_v2");
        Assert.False(tts.GetProperty("is_active").GetBoolean());
        Assert.Equal("force", report.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A_dry_run_reports_changes_and_writes_nothing()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        string before = _cli.DatabaseHash();

        var report = await _cli.JsonAsync("sync", CliRun.Sample("catalog.v2.json"), "--dry-run");

        Assert.True(report.GetProperty("dry_run").GetBoolean());
        Assert.True(report.GetProperty("updated").GetInt32() > 0);
        Assert.Equal(before, _cli.DatabaseHash());
    }

    [Fact]
    public async Task List_json_has_the_native_fields_and_the_sync_state()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        var list = await _cli.JsonAsync("list", "--provider", "openai", "--active-only");

        Assert.Equal(["openai/gpt-4o", "openai/gpt-4o-mini"], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var first = list[0];
        foreach (var field in new[] { "id", "display_name", "description", "cost_per_unit", "unit_type", "credits_per_unit", "config", "provider", "model_type", "is_active", "is_visible", "is_beta", "provider_id", "model_name", "last_synced_at", "source", "source_version" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        Assert.Equal(("openai", "gpt-4o", "sample", "2026-11-01"), (first.GetProperty("provider_id").GetString(), first.GetProperty("model_name").GetString(), first.GetProperty("source").GetString(), first.GetProperty("source_version").GetString()));
    }

    [Fact]
    public async Task Human_output_is_a_table()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        var (exit, output, _) = await _cli.RunAsync("list");

        Assert.Equal(0, exit);
        Assert.StartsWith("id ", output.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Contains("openrouter/meta-llama/llama-3.1-70b-instruct", output, StringComparison.Ordinal);
        Assert.Contains("5 models.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }
}
