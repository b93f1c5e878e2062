using System.Globalization;
using System.Text.Json;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>modelcatalog cost</c> on real LiteLLM snapshots from ../shared/data, with hand-computed expected costs.</summary>
public sealed class CostCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task SyncAsync(string date) => _cli.JsonAsync("sync", SharedData.Path("litellm", $"model_prices_{date}.json"), "--format", "litellm");

    private static List<(string Name, long Tokens, decimal UnitPrice, decimal Cost)> Components(JsonElement cost)
        => [.. cost.GetProperty("components").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("tokens").GetInt64(), c.GetProperty("unit_price").GetDecimal(), c.GetProperty("cost").GetDecimal()))];

    [Fact]
    public async Task Cost_of_a_Claude_request_with_cache_writes_is_broken_down_in_json_with_hand_computed_values()
    {
        await SyncAsync("2026-03-03");

        var cost = await _cli.JsonAsync("cost", "anthropic/claude-sonnet-4-20250514", "--input-tokens", "10000", "--output-tokens", "1500",
            "--cached-input-tokens", "2000", "--cache-write-tokens", "3000", "--cache-write-1h-tokens", "1000", "--reasoning-tokens", "500");

        Assert.Equal("anthropic/claude-sonnet-4-20250514", cost.GetProperty("id").GetString());
        Assert.Equal("USD", cost.GetProperty("currency").GetString());
        // LiteLLM has no reasoning price for this model: reasoning falls back to the output price ($15/M).
        Assert.Equal(
            [("input", 4_000L, 3m, 0.012m), ("cache_read", 2_000L, 0.3m, 0.0006m), ("cache_write", 3_000L, 3.75m, 0.01125m), ("cache_write_1h", 1_000L, 6m, 0.006m),
             ("output", 1_000L, 15m, 0.015m), ("reasoning", 500L, 15m, 0.0075m)],
            Components(cost));
        Assert.Equal(0.05235m, cost.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Cost_prints_a_table_with_the_total_first()
    {
        await SyncAsync("2026-03-03");

        var (exit, output, error) = await _cli.RunAsync("cost", "openai/gpt-4o", "--input-tokens", "50000", "--cached-input-tokens", "20000", "--output-tokens", "2000");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith("openai/gpt-4o: 0.12", output, StringComparison.Ordinal);
        Assert.Contains("cache_read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_at_a_date_uses_the_price_in_force_then_and_before_the_first_sync_is_an_error()
    {
        var beforeFirst = DateTimeOffset.UtcNow.AddDays(-1);
        await SyncAsync("2024-06-29");
        await Task.Delay(20);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await SyncAsync("2025-01-31");
        string[] usage = ["--input-tokens", "1000000", "--output-tokens", "0"];

        var then = await _cli.JsonAsync(["cost", "openai/gpt-4o", .. usage, "--at", between.ToString("O", CultureInfo.InvariantCulture)]);
        var now = await _cli.JsonAsync(["cost", "openai/gpt-4o", .. usage]);
        var (exit, _, error) = await _cli.RunAsync(["cost", "openai/gpt-4o", .. usage, "--at", beforeFirst.ToString("O", CultureInfo.InvariantCulture)]);

        // gpt-4o input: 5e-06 per token in the 2024-06-29 file, 2.5e-06 in 2025-01-31; one million tokens.
        Assert.Equal(5m, then.GetProperty("total").GetDecimal());
        Assert.Equal(2.5m, now.GetProperty("total").GetDecimal());
        Assert.Equal(1, exit);
        Assert.Contains("not in the catalog yet", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "exceed the input tokens", "cost", "openai/gpt-4o", "--input-tokens", "10", "--cached-input-tokens", "11", "--output-tokens", "0")]
    [InlineData(2, "cannot be negative", "cost", "openai/gpt-4o", "--input-tokens", "-1", "--output-tokens", "0")]
    [InlineData(2, "--input-tokens", "cost", "openai/gpt-4o", "--output-tokens", "0")]
    [InlineData(2, "not a date", "cost", "openai/gpt-4o", "--input-tokens", "1", "--output-tokens", "0", "--at", "yesterday")]
    [InlineData(1, "no model 'openai/nope'", "cost", "openai/nope", "--input-tokens", "1", "--output-tokens", "0")]
    public async Task Bad_cost_input_is_a_clear_error_with_the_documented_exit_code(int expectedExit, string message, params string[] args)
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        var (exit, output, error) = await _cli.RunAsync(args);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }
}
