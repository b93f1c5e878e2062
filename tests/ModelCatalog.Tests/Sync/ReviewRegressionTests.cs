using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Sync;

/// <summary>Defects an independent review found, each pinned by the scenario that showed it.</summary>
public sealed class ReviewRegressionTests
{
    private readonly InMemoryModelStore<CatalogModel> _store = new();
    private readonly DefaultModelCatalog<CatalogModel> _catalog;

    public ReviewRegressionTests() => _catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: new FakeTimeProvider());

    private static ModelSnapshot<CatalogModel> Snapshot(string source, params string[] ids)
        => new(source, "v", DateTimeOffset.UnixEpoch, ids.Select(id => new CatalogModel { Id = UnifiedModelId.Parse(id), DisplayName = source + " " + id }).ToList());

    private static string[] Ids(int from, int count) => Enumerable.Range(from, count).Select(i => $"p/m{i:D2}").ToArray();

    [Fact]
    public async Task A_model_whose_upstream_entry_was_rejected_is_not_deleted()
    {
        await _catalog.SyncAsync(Snapshot("s", Ids(0, 10)));
        var snapshot = Snapshot("s", Ids(0, 9)) with { Rejections = [new SyncRejection(9, "m09", "field 'max_tokens' is the string \"unknown\", not a number")] };

        var report = await _catalog.SyncAsync(snapshot, new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        Assert.Equal(0, report.Removed);
        Assert.Contains("rejected", report.RemovalRefusedReason, StringComparison.Ordinal);
        Assert.Equal(10, _store.Count);
    }

    [Fact]
    public async Task The_removal_guard_counts_only_what_this_run_would_change()
    {
        await _catalog.SyncAsync(Snapshot("s", Ids(0, 20)));
        var deactivate = new SyncOptions { MissingModels = MissingModelPolicy.Deactivate, MaxRemovalShare = 0.2 };
        var first = await _catalog.SyncAsync(Snapshot("s", Ids(0, 17)), deactivate);

        var second = await _catalog.SyncAsync(Snapshot("s", Ids(0, 15)), deactivate);

        Assert.Equal(3, first.Deactivated);
        Assert.Null(second.RemovalRefusedReason);
        Assert.Equal(2, second.Deactivated);
    }

    [Fact]
    public async Task A_snapshot_with_no_valid_model_never_removes_anything()
    {
        await _catalog.SyncAsync(Snapshot("s", Ids(0, 5)));
        var invalid = new ModelSnapshot<CatalogModel>("s", "v", DateTimeOffset.UnixEpoch, [new CatalogModel(), new CatalogModel()]);

        var report = await _catalog.SyncAsync(invalid, new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        Assert.Equal(5, _store.Count);
        Assert.Contains("no valid model", report.RemovalRefusedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_another_source_owns_is_left_to_it_and_never_swaps_owner()
    {
        await _catalog.SyncAsync(Snapshot("a", "x/shared", "x/a-only"));
        await _catalog.EditAsync(UnifiedModelId.Parse("x/shared"), m => m.IsVisible = false);
        var version = (await _store.FindAsync(UnifiedModelId.Parse("x/shared")))!.Version;

        var fromB = await _catalog.SyncAsync(Snapshot("b", "x/shared"));
        var deleteByB = await _catalog.SyncAsync(Snapshot("b", "x/other"), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        var shared = (await _store.FindAsync(UnifiedModelId.Parse("x/shared")))!;
        Assert.Equal(1, fromB.OwnedByOtherSource);
        Assert.Equal(version, shared.Version);
        Assert.Equal(("a", "a x/shared", false), (shared.SyncState.SourceName, shared.Model.DisplayName, shared.Model.IsVisible));
        Assert.Equal(0, deleteByB.Removed);
    }

    [Fact]
    public async Task Taking_over_from_another_source_is_explicit()
    {
        await _catalog.SyncAsync(Snapshot("a", "x/shared"));

        var report = await _catalog.SyncAsync(Snapshot("b", "x/shared"), new SyncOptions { TakeOverFromOtherSources = true });

        Assert.Equal(1, report.Updated);
        Assert.Equal("b", (await _store.FindAsync(UnifiedModelId.Parse("x/shared")))!.SyncState.SourceName);
    }

    private sealed class FixedSource(string name, Func<ModelSnapshot<CatalogModel>> fetch) : IModelSource<CatalogModel>
    {
        public string Name => name;

        public ValueTask<ModelSnapshot<CatalogModel>> FetchAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(fetch());
    }

    [Fact]
    public async Task A_failing_source_does_not_stop_the_other_sources_from_syncing()
    {
        var down = new FixedSource("down", () => throw new HttpRequestException("upstream is down"));
        var up = new FixedSource("up", () => Snapshot("up", "x/fresh"));
        var catalog = new DefaultModelCatalog<CatalogModel>(_store, [down, up]);

        var error = await Assert.ThrowsAsync<AggregateException>(async () => await catalog.SyncAllAsync());

        Assert.Contains("'down'", Assert.Single(error.InnerExceptions).Message, StringComparison.Ordinal);
        Assert.NotNull(await _store.FindAsync(UnifiedModelId.Parse("x/fresh")));
    }

    [Fact]
    public void Two_sources_of_one_class_are_both_registered_and_duplicate_names_are_refused()
    {
        using var two = new ServiceCollection().AddModelCatalog()
            .AddSource(new CatalogFileSource("a.json", CatalogFormat.LiteLlm, "a"))
            .AddSource(new CatalogFileSource("b.json", CatalogFormat.OpenRouter, "b"))
            .Services.BuildServiceProvider();
        using var same = new ServiceCollection().AddModelCatalog()
            .AddSource(new CatalogFileSource("a.json", CatalogFormat.LiteLlm, "x"))
            .AddSource(new CatalogFileSource("b.json", CatalogFormat.OpenRouter, "x"))
            .Services.BuildServiceProvider();

        Assert.Equal(2, two.GetServices<IModelSource<CatalogModel>>().Count());
        var error = Assert.Throws<InvalidOperationException>(() => same.GetRequiredService<IModelCatalog<CatalogModel>>());
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_too_large_for_decimal_rejects_the_entry_instead_of_crashing()
    {
        var snapshot = CatalogImporter.Read(
            """{"big": {"litellm_provider": "openai", "input_cost_per_token": 1e28}, "ok": {"litellm_provider": "openai"}}"""u8.ToArray(),
            CatalogFormat.LiteLlm, null, null, DateTimeOffset.UnixEpoch);

        Assert.Equal("openai/ok", Assert.Single(snapshot.Models).Id.ToString());
        Assert.Contains("too large", Assert.Single(snapshot.Rejections).Reason, StringComparison.Ordinal);
    }
}
