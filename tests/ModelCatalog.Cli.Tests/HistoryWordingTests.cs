using ModelCatalog.Cli.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>History reads as what happened: a kept edit reads as kept, never as if the sync had overwritten it.</summary>
public sealed class HistoryWordingTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> HistoryAfterACustomisedNameMeetsASmartSyncAsync()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        await _cli.RunAsync("set", "openai/gpt-4o", "--display-name", "Our GPT-4o", "--active", "false");
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v2.json"));
        var (exit, output, error) = await _cli.RunAsync("history", "openai/gpt-4o");
        Assert.True(exit == 0, error);
        return output;
    }

    [Fact]
    public async Task After_a_smart_sync_kept_a_customised_name_history_says_your_value_was_kept()
    {
        string history = await HistoryAfterACustomisedNameMeetsASmartSyncAsync();

        string synced = Assert.Single(history.Split('\n'), line => line.Contains("display_name", StringComparison.Ordinal) && line.Contains("sample 2026-11-15", StringComparison.Ordinal));
        Assert.Contains("\"Our GPT-4o\" stays (official: \"GPT-4o (2024-11-20)\")", synced, StringComparison.Ordinal);
        Assert.Contains("kept your value", synced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_never_shows_the_kept_name_with_an_arrow_to_the_official_one()
    {
        string history = await HistoryAfterACustomisedNameMeetsASmartSyncAsync();

        Assert.DoesNotContain("\"Our GPT-4o\" → \"GPT-4o (2024-11-20)\"", history, StringComparison.Ordinal);
        Assert.DoesNotContain("kept_customized", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_says_a_kept_local_field_was_kept_local_and_an_admin_edit_was_edited()
    {
        string history = await HistoryAfterACustomisedNameMeetsASmartSyncAsync();

        Assert.Contains(history.Split('\n'), line => line.Contains("is_active", StringComparison.Ordinal) && line.Contains("false stays (official: true)", StringComparison.Ordinal) && line.Contains("kept local", StringComparison.Ordinal));
        Assert.Contains(history.Split('\n'), line => line.Contains("\"GPT-4o\" → \"Our GPT-4o\"", StringComparison.Ordinal) && line.Contains("edited", StringComparison.Ordinal));
    }
}
