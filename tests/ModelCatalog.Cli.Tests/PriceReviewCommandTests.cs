using System.Text.Json;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// <c>sync --hold-price-changes</c>, <c>review</c>, <c>approve</c> and <c>reject</c> on two real LiteLLM snapshots. The
/// expected prices are read from the snapshot files directly (input_cost_per_token × 10^6), not through the importer.
/// </summary>
public sealed class PriceReviewCommandTests : IDisposable
{
    private const string Older = "2025-06-27";
    private const string Newer = "2026-03-03";
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Snapshot(string date) => SharedData.Path("litellm", $"model_prices_{date}.json");

    // The entry stored under the model's bare name whose litellm_provider is the ID's provider: the plain case of
    // LiteLLM's keys (prefixed keys and aliases are left out, so the oracle stays simple and independent).
    private static decimal? InputPerMillion(string date, string id)
    {
        var (provider, name) = (id.Split('/', 2)[0], id.Split('/', 2)[1]);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Snapshot(date)));
        return document.RootElement.TryGetProperty(name, out var entry)
            && entry.TryGetProperty("litellm_provider", out var owner) && owner.ValueKind == JsonValueKind.String && owner.GetString() == provider
            && entry.TryGetProperty("input_cost_per_token", out var price) && price.ValueKind == JsonValueKind.Number
            ? price.GetDecimal() * 1_000_000m
            : null;
    }

    private async Task<List<string>> HeldAsync()
        => [.. (await _cli.JsonAsync("review")).EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    private async Task<decimal?> StoredInputAsync(string id)
    {
        var model = await _cli.JsonAsync("show", id);
        return model.GetProperty("input_cost_per_million_tokens") is { ValueKind: JsonValueKind.Number } price ? price.GetDecimal() : null;
    }

    [Fact]
    public async Task A_guarded_sync_holds_big_price_moves_and_approve_and_reject_settle_them()
    {
        await _cli.RunAsync("sync", Snapshot(Older), "--format", "litellm");
        var (exit, output, _) = await _cli.RunAsync("sync", Snapshot(Newer), "--format", "litellm", "--hold-price-changes", "0.5");
        var held = await HeldAsync();

        Assert.True(exit is 0 or 3, output);
        Assert.Contains("price changes held for review", output, StringComparison.Ordinal);
        // Models whose input price moved by more than half between the two files, keyed by their bare LiteLLM key.
        var moved = held.Where(id => InputPerMillion(Older, id) is { } o && o != 0
            && InputPerMillion(Newer, id) is { } n && Math.Abs(n - o) / o > 0.5m).ToList();
        Assert.NotEmpty(moved);
        string approved = moved[0];
        // Any other held model with a plain key in the older file: whatever price of it moved, rejecting keeps the old one.
        string rejected = held.First(id => id != approved && InputPerMillion(Older, id) is not null);
        Assert.Equal(InputPerMillion(Older, approved), await StoredInputAsync(approved));

        var (approveExit, approveOut, _) = await _cli.RunAsync("approve", approved);
        var (rejectExit, rejectOut, _) = await _cli.RunAsync("reject", rejected);
        var (againExit, _, againError) = await _cli.RunAsync("approve", approved);

        Assert.Equal((0, 0), (approveExit, rejectExit));
        Assert.StartsWith($"{approved}: approved;", approveOut, StringComparison.Ordinal);
        Assert.StartsWith($"{rejected}: rejected;", rejectOut, StringComparison.Ordinal);
        Assert.Equal(InputPerMillion(Newer, approved), await StoredInputAsync(approved));
        Assert.Equal(InputPerMillion(Older, rejected), await StoredInputAsync(rejected));

        Assert.DoesNotContain(approved, await HeldAsync());
        Assert.DoesNotContain(rejected, await HeldAsync());
        Assert.Equal(1, againExit);
        Assert.Contains("has no price change waiting for review", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_of_a_catalog_without_held_changes_says_so()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));

        var (exit, output, _) = await _cli.RunAsync("review");

        Assert.Equal((0, "No price change is waiting for review."), (exit, output.Trim()));
    }
}
