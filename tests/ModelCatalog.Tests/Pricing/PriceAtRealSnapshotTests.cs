using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Pricing;

/// <summary>Three dated LiteLLM snapshots synced in order: the price as of each date is that snapshot's.</summary>
public sealed class PriceAtRealSnapshotTests
{
    private static readonly string[] Dates = ["2024-06-29", "2025-01-31", "2025-06-27"];

    private static DateTimeOffset At(string date) => DateTimeOffset.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_price_as_of_each_snapshot_date_is_that_snapshots_price_and_before_the_first_sync_nothing_is_known()
    {
        var clock = new FakeTimeProvider(At(Dates[0]));
        var catalog = new DefaultModelCatalog<CatalogModel>(new InMemoryModelStore<CatalogModel>(), timeProvider: clock);
        var snapshots = new List<IReadOnlyList<CatalogModel>>();
        foreach (var date in Dates)
        {
            clock.SetUtcNow(At(date));
            var snapshot = await CatalogImporter.ReadFileAsync(SharedData.Path("litellm", $"model_prices_{date}.json"), CatalogFormat.LiteLlm, "litellm", date, clock.GetUtcNow());
            await catalog.SyncAsync(snapshot);
            snapshots.Add(snapshot.Models);
        }

        // gpt-4o's input price, read from the raw files by hand: $5/M in 2024-06, $2.50/M from 2025-01.
        var gpt4o = UnifiedModelId.Parse("openai/gpt-4o");
        decimal RawInput(string date)
        {
            using var file = JsonDocument.Parse(File.ReadAllBytes(SharedData.Path("litellm", $"model_prices_{date}.json")));
            return file.RootElement.GetProperty("gpt-4o").GetProperty("input_cost_per_token").GetDecimal() * 1_000_000m;
        }

        Assert.Equal([5m, 2.5m, 2.5m], Dates.Select(RawInput));
        foreach (var date in Dates)
        {
            var answer = await catalog.PriceAtAsync(gpt4o, At(date).AddHours(1));
            Assert.Equal(PriceAtStatus.Found, answer.Status);
            Assert.Equal(RawInput(date), answer.Pricing!.Tokens.InputPerMillion);
        }

        // Every model present in all three snapshots answers each date with that snapshot's pricing.
        int changed = 0;
        var common = snapshots[0].Select(m => m.Id).Intersect(snapshots[1].Select(m => m.Id)).Intersect(snapshots[2].Select(m => m.Id)).ToList();
        foreach (var id in common)
        {
            var expected = snapshots.Select(s => s.Single(m => m.Id == id).Pricing).ToList();
            changed += expected.Distinct().Count() > 1 ? 1 : 0;
            for (int i = 0; i < Dates.Length; i++)
            {
                var answer = await catalog.PriceAtAsync(id, At(Dates[i]).AddDays(1));
                Assert.True(Equals(expected[i], answer.Pricing), $"{id} at {Dates[i]}");
            }
        }

        Assert.True(common.Count > 300 && changed > 50, $"{common.Count} common models, {changed} with a price change");
        Assert.Equal(PriceAtStatus.NotYetInCatalog, (await catalog.PriceAtAsync(gpt4o, At(Dates[0]).AddTicks(-1))).Status);
        Assert.Equal(PriceAtStatus.Found, (await catalog.PriceAtAsync(gpt4o, At(Dates[0]))).Status);
        Assert.Equal(PriceAtStatus.UnknownModel, (await catalog.PriceAtAsync(UnifiedModelId.Parse("openai/none"), At(Dates[2]))).Status);
    }
}
