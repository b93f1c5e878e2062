using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Sync;

/// <summary>Syncs real LiteLLM snapshots from ../shared/data: 2024-06-29, then 2025-01-31.</summary>
public sealed class LiteLlmRealDataSyncTests
{
    private static Task<ModelSnapshot<CatalogModel>> ReadAsync(string date)
        => CatalogImporter.ReadFileAsync(SharedData.Path("litellm", $"model_prices_{date}.json"), CatalogFormat.LiteLlm, "litellm", date, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Every_entry_is_created_or_rejected_with_a_reason_and_a_repeat_changes_nothing()
    {
        var snapshot = await ReadAsync("2024-06-29");
        var catalog = new DefaultModelCatalog<CatalogModel>(new InMemoryModelStore<CatalogModel>(), timeProvider: new FakeTimeProvider());

        var report = await catalog.SyncAsync(snapshot);

        // Every entry of the file except the documentation entry sample_spec is created or rejected.
        using var file = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.Path("litellm", "model_prices_2024-06-29.json")));
        int entries = file.RootElement.EnumerateObject().Count(p => p.Name != "sample_spec");
        Assert.Equal(entries, report.Created + report.Rejected);
        Assert.Equal(snapshot.Models.Count, report.Created);
        Assert.True(report.Created > 400);
        Assert.All(report.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        var repeat = await catalog.SyncAsync(snapshot);
        Assert.Equal((0, 0, report.Created), (repeat.Created, repeat.Updated, repeat.Unchanged));
        Assert.Equal(0, repeat.Writes);
    }

    [Fact]
    public async Task Price_changes_land_and_local_edits_made_between_syncs_survive()
    {
        var catalog = new DefaultModelCatalog<CatalogModel>(new InMemoryModelStore<CatalogModel>(), timeProvider: new FakeTimeProvider());
        var old = await ReadAsync("2024-06-29");
        var next = await ReadAsync("2025-01-31");
        await catalog.SyncAsync(old);

        var edited = old.Models.Where(m => next.Models.Any(n => n.Id == m.Id)).Take(25).Select(m => m.Id).ToList();
        foreach (var id in edited)
        {
            await catalog.EditAsync(id, m => (m.IsActive, m.IsVisible, m.DisplayName) = (false, false, "Ours: " + m.DisplayName));
        }

        var report = await catalog.SyncAsync(next);

        Assert.True(report.Updated > 0);
        var priceChanged = next.Models
            .Select(n => (New: n, Old: old.Models.FirstOrDefault(o => o.Id == n.Id)))
            .Where(p => p.Old is not null && p.Old.InputCostPerMillionTokens != p.New.InputCostPerMillionTokens)
            .ToList();
        Assert.NotEmpty(priceChanged);
        foreach (var (n, _) in priceChanged)
        {
            Assert.Equal(n.InputCostPerMillionTokens, (await catalog.FindAsync(n.Id))!.Model.InputCostPerMillionTokens);
        }

        foreach (var id in edited)
        {
            var model = (await catalog.FindAsync(id))!.Model;
            Assert.False(model.IsActive);
            Assert.False(model.IsVisible);
            Assert.StartsWith("Ours: ", model.DisplayName, StringComparison.Ordinal);
        }

        var repeat = await catalog.SyncAsync(next);
        Assert.Equal(0, repeat.Updated);
        Assert.Equal(0, repeat.Writes);
    }
}
