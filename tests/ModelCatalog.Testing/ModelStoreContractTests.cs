using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog.Testing;

/// <summary>
/// The behaviour every <see cref="IModelStore{TModel}"/> must have. Each implementation's test project derives from
/// this class and supplies a fresh, empty store (like EF Core's specification tests).
/// </summary>
public abstract partial class ModelStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    protected IModelStore<CatalogModel> Store { get; private set; } = null!;

    /// <summary>Creates a fresh, empty store for one test.</summary>
    protected abstract Task<IModelStore<CatalogModel>> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    public static CatalogModel Model(string id, string? displayName = null, decimal? cost = null, bool active = true, bool visible = true) => new()
    {
        Id = UnifiedModelId.Parse(id),
        DisplayName = displayName ?? id,
        Description = "about " + id,
        CostPerUnit = cost,
        IsActive = active,
        IsVisible = visible,
    };

    protected static ModelSyncState State(string source = "test", string? version = "v1", string? baseline = null)
        => new(baseline is null ? null : ModelBaseline.Parse(baseline), T0, source, version, null);

    protected async Task<StoredModel<CatalogModel>> CreateAsync(CatalogModel model, ModelSyncState? state = null)
    {
        var batch = new ModelBatch<CatalogModel>().Add(ModelWrite.Create(Guid.CreateVersion7(), model.Id, model, state ?? State()));
        await Store.ApplyAsync(batch);
        return (await Store.FindAsync(model.Id))!;
    }

    protected async Task<StoredModel<CatalogModel>> UpdateAsync(StoredModel<CatalogModel> current, Action<CatalogModel> edit)
    {
        var model = CatalogModel.Merger.Clone(current.Model);
        edit(model);
        await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Update(current, model.Id, model, current.SyncState)));
        return (await Store.FindAsync(model.Id))!;
    }

    private async Task<List<UnifiedModelId>> AllIdsAsync(ModelQuery? query = null)
    {
        var ids = new List<UnifiedModelId>();
        query ??= new ModelQuery();
        while (true)
        {
            var page = await Store.ListAsync(query);
            ids.AddRange(page.Items.Select(s => s.Model.Id));
            if (!page.HasMore)
            {
                return ids;
            }

            query = query with { After = page.Next };
        }
    }

    [Fact]
    public async Task A_created_model_is_found_with_version_1_its_key_and_its_sync_state()
    {
        var key = Guid.CreateVersion7();
        var model = Model("openai/gpt-4o", "GPT-4o", 0.0025m);
        var state = State(baseline: """{"DisplayName":"GPT-4o"}""");
        await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Create(key, model.Id, model, state)));

        var found = await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o"));

        Assert.NotNull(found);
        Assert.Equal(key, found.Key);
        Assert.Equal(1, found.Version);
        ModelContent.AssertEqual(model, found.Model);
        Assert.Equal("test", found.SyncState.SourceName);
        Assert.Equal("v1", found.SyncState.SourceVersion);
        Assert.Equal(T0, found.SyncState.LastSyncedAt);
        Assert.Null(found.SyncState.MissingUpstreamSince);
        Assert.Equal(state.Baseline, found.SyncState.Baseline);
    }

    [Fact]
    public async Task Finding_is_case_sensitive()
    {
        await CreateAsync(Model("openai/gpt-4o"));

        Assert.Null(await Store.FindAsync(UnifiedModelId.Parse("OpenAI/gpt-4o")));
        Assert.Null(await Store.FindAsync(UnifiedModelId.Parse("openai/GPT-4o")));
        Assert.NotNull(await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")));
    }

    [Fact]
    public async Task Ids_differing_only_in_case_are_different_models()
    {
        await CreateAsync(Model("openai/gpt-4o", "lower"));
        await CreateAsync(Model("openai/GPT-4o", "upper"));

        Assert.Equal("lower", (await Store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")))!.Model.DisplayName);
        Assert.Equal("upper", (await Store.FindAsync(UnifiedModelId.Parse("openai/GPT-4o")))!.Model.DisplayName);
    }

    [Fact]
    public async Task Model_names_with_slashes_colons_and_non_ascii_round_trip()
    {
        string[] ids = ["openrouter/meta-llama/llama-3.1-70b-instruct:free", "bedrock/us.anthropic.claude@2024", "local/模型-α", "p/" + new string('x', 256)];
        foreach (var id in ids)
        {
            await CreateAsync(Model(id));
        }

        foreach (var id in ids)
        {
            var found = await Store.FindAsync(UnifiedModelId.Parse(id));
            Assert.Equal(id, found!.Model.Id.ToString());
        }
    }

    [Fact]
    public async Task Decimal_prices_and_json_config_round_trip_exactly()
    {
        var model = Model("openai/gpt-4o", cost: 0.0000025m);
        model.CreditsPerUnit = 123456789.123456789m;
        model.Config = JsonDocument.Parse("""{"temperature":0.7,"tools":["a","b"],"nested":{"x":null}}""").RootElement.Clone();
        await CreateAsync(model);

        var found = (await Store.FindAsync(model.Id))!.Model;

        Assert.Equal(0.0000025m, found.CostPerUnit);
        Assert.Equal(123456789.123456789m, found.CreditsPerUnit);
        Assert.True(JsonElement.DeepEquals(model.Config.Value, found.Config!.Value));
    }

    [Fact]
    public async Task Creating_an_existing_id_conflicts_and_applies_nothing_of_the_batch()
    {
        await CreateAsync(Model("openai/gpt-4o"));
        var batch = new ModelBatch<CatalogModel>()
            .Add(ModelWrite.Create(Guid.CreateVersion7(), UnifiedModelId.Parse("openai/new"), Model("openai/new"), State()))
            .Add(ModelWrite.Create(Guid.CreateVersion7(), UnifiedModelId.Parse("openai/gpt-4o"), Model("openai/gpt-4o"), State()))
            .Add(new ModelHistoryEntry(UnifiedModelId.Parse("openai/new"), T0, ModelChangeKind.Created, "test", "v1", []));

        var error = await Assert.ThrowsAsync<ModelStoreConflictException>(async () => await Store.ApplyAsync(batch));

        Assert.Equal(ModelConflictKind.Duplicate, error.Kind);
        Assert.Null(await Store.FindAsync(UnifiedModelId.Parse("openai/new")));
        Assert.Empty(await Store.GetHistoryAsync(UnifiedModelId.Parse("openai/new")));
    }

    [Fact]
    public async Task An_update_increments_the_version_and_stores_the_new_values()
    {
        var stored = await CreateAsync(Model("openai/gpt-4o", cost: 1m));

        var updated = await UpdateAsync(stored, m => m.CostPerUnit = 2m);

        Assert.Equal(2, updated.Version);
        Assert.Equal(2m, updated.Model.CostPerUnit);
        Assert.Equal(stored.Key, updated.Key);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_conflicts_and_applies_nothing_of_the_batch()
    {
        var stale = await CreateAsync(Model("openai/gpt-4o", cost: 1m));
        await UpdateAsync(stale, m => m.CostPerUnit = 2m);
        var batch = new ModelBatch<CatalogModel>()
            .Add(ModelWrite.Create(Guid.CreateVersion7(), UnifiedModelId.Parse("openai/other"), Model("openai/other"), State()))
            .Add(ModelWrite.Update(stale, stale.Model.Id, Model("openai/gpt-4o", cost: 3m), stale.SyncState));

        var error = await Assert.ThrowsAsync<ModelStoreConflictException>(async () => await Store.ApplyAsync(batch));

        Assert.Equal(ModelConflictKind.VersionMismatch, error.Kind);
        var current = await Store.FindAsync(stale.Model.Id);
        Assert.Equal(2m, current!.Model.CostPerUnit);
        Assert.Equal(2, current.Version);
        Assert.Null(await Store.FindAsync(UnifiedModelId.Parse("openai/other")));
    }

    [Fact]
    public async Task Updating_or_deleting_a_model_that_is_gone_conflicts()
    {
        var stored = await CreateAsync(Model("openai/gpt-4o"));
        await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Delete(stored, stored.Model.Id)));

        var update = await Assert.ThrowsAsync<ModelStoreConflictException>(async () =>
            await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Update(stored, stored.Model.Id, stored.Model, stored.SyncState))));
        var delete = await Assert.ThrowsAsync<ModelStoreConflictException>(async () =>
            await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Delete(stored, stored.Model.Id))));

        Assert.Equal(ModelConflictKind.Missing, update.Kind);
        Assert.Equal(ModelConflictKind.Missing, delete.Kind);
    }

    [Fact]
    public async Task A_delete_with_the_expected_version_removes_the_model()
    {
        var stored = await CreateAsync(Model("openai/gpt-4o"));

        await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Delete(stored, stored.Model.Id)));

        Assert.Null(await Store.FindAsync(stored.Model.Id));
        Assert.Empty(await AllIdsAsync());
    }

    [Fact]
    public async Task Sync_state_is_stored_with_the_update()
    {
        var stored = await CreateAsync(Model("openai/gpt-4o"));
        var state = new ModelSyncState(ModelBaseline.Parse("""{"DisplayName":"x"}"""), T0.AddDays(1), "other", "v9", T0.AddHours(3));

        await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Update(stored, stored.Model.Id, stored.Model, state)));

        Assert.Equal(state, (await Store.FindAsync(stored.Model.Id))!.SyncState);
    }

    [Fact]
    public async Task Stores_hand_out_copies_so_mutating_a_result_changes_nothing()
    {
        var stored = await CreateAsync(Model("openai/gpt-4o", "Original"));

        stored.Model.DisplayName = "Mutated";

        Assert.Equal("Original", (await Store.FindAsync(stored.Model.Id))!.Model.DisplayName);
    }

    [Fact]
    public async Task Find_many_returns_exactly_the_models_that_exist()
    {
        await CreateAsync(Model("openai/a"));
        await CreateAsync(Model("openai/b"));

        var found = await Store.FindManyAsync([UnifiedModelId.Parse("openai/a"), UnifiedModelId.Parse("openai/b"), UnifiedModelId.Parse("openai/c")]);

        Assert.Equal(["openai/a", "openai/b"], found.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Find_many_handles_thousands_of_ids_in_one_call()
    {
        var batch = new ModelBatch<CatalogModel>();
        for (int i = 0; i < 2500; i++)
        {
            var model = Model($"p{i % 7}/model-{i}");
            batch.Add(ModelWrite.Create(Guid.CreateVersion7(), model.Id, model, State()));
        }

        await Store.ApplyAsync(batch);
        var ids = Enumerable.Range(0, 3000).Select(i => UnifiedModelId.Parse($"p{i % 7}/model-{i}")).ToList();

        var found = await Store.FindManyAsync(ids);

        Assert.Equal(2500, found.Count);
    }

    [Fact]
    public async Task Listing_pages_through_every_model_once_in_unified_id_order()
    {
        var ids = new[] { "b/x", "a/z", "a_b/x", "a/y/z", "A/x", "a0/x", "a/y" };
        foreach (var id in ids)
        {
            await CreateAsync(Model(id));
        }

        var listed = await AllIdsAsync(new ModelQuery { Limit = 2 });

        Assert.Equal(ids.Select(UnifiedModelId.Parse).Order().ToList(), listed);
    }

    [Fact]
    public async Task Paging_is_stable_when_models_are_inserted_between_pages()
    {
        for (int i = 0; i < 10; i += 2)
        {
            await CreateAsync(Model($"p/m{i}"));
        }

        var first = await Store.ListAsync(new ModelQuery { Limit = 2 });
        await CreateAsync(Model("p/m1"));   // before the cursor: must not appear later
        await CreateAsync(Model("p/m5"));   // after the cursor: appears once
        var rest = await AllIdsAsync(new ModelQuery { Limit = 2, After = first.Next });

        var seen = first.Items.Select(s => s.Model.Id.ToString()).Concat(rest.Select(r => r.ToString())).ToList();
        Assert.Equal(["p/m0", "p/m2", "p/m4", "p/m5", "p/m6", "p/m8"], seen);
    }

    [Fact]
    public async Task Listing_filters_by_provider_active_visible_and_source()
    {
        await CreateAsync(Model("openai/a", active: true, visible: true), State("s1"));
        await CreateAsync(Model("openai/b", active: false, visible: true), State("s1"));
        await CreateAsync(Model("anthropic/c", active: true, visible: false), State("s2"));
        await CreateAsync(Model("OpenAI/d", active: true, visible: true), State("s2"));

        Assert.Equal(["openai/a", "openai/b"], (await AllIdsAsync(new ModelQuery { ProviderId = "openai" })).Select(i => i.ToString()));
        Assert.Equal(["OpenAI/d", "anthropic/c", "openai/a"], (await AllIdsAsync(new ModelQuery { IsActive = true })).Select(i => i.ToString()));
        Assert.Equal(["OpenAI/d", "openai/a", "openai/b"], (await AllIdsAsync(new ModelQuery { IsVisible = true })).Select(i => i.ToString()));
        Assert.Equal(["OpenAI/d", "openai/a"], (await AllIdsAsync(new ModelQuery { IsActive = true, IsVisible = true })).Select(i => i.ToString()));
        Assert.Equal(["OpenAI/d", "anthropic/c"], (await AllIdsAsync(new ModelQuery { SourceName = "s2" })).Select(i => i.ToString()));
        Assert.Equal(["openai/b"], (await AllIdsAsync(new ModelQuery { SourceName = "s1", IsActive = false, Limit = 1 })).Select(i => i.ToString()));
    }

    [Fact]
    public async Task Deleting_a_provider_removes_only_its_models_case_sensitively_and_records_history()
    {
        await CreateAsync(Model("openai/a"));
        await CreateAsync(Model("openai/b/c"));
        await CreateAsync(Model("OpenAI/a"));
        await CreateAsync(Model("openai_x/a"));

        int deleted = await Store.DeleteProviderAsync("openai", T0);

        Assert.Equal(2, deleted);
        Assert.Equal(["OpenAI/a", "openai_x/a"], (await AllIdsAsync()).Select(i => i.ToString()));
        var history = await Store.GetHistoryAsync(UnifiedModelId.Parse("openai/b/c"));
        Assert.Equal(ModelChangeKind.Deleted, Assert.Single(history).Kind);
    }

    [Fact]
    public async Task History_is_returned_in_the_order_it_was_appended_with_its_field_changes()
    {
        var id = UnifiedModelId.Parse("openai/gpt-4o");
        var changes = new[] { new HistoryFieldChange("CostPerUnit", FieldPolicy.Official, FieldDecision.Applied, "1.5", "2.25") };
        for (int i = 0; i < 5; i++)
        {
            await Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(new ModelHistoryEntry(id, T0.AddMinutes(i), ModelChangeKind.Synced, "s", $"v{i}", changes)));
        }

        var history = await Store.GetHistoryAsync(id);

        Assert.Equal(["v0", "v1", "v2", "v3", "v4"], history.Select(h => h.SourceVersion));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        var change = Assert.Single(history[0].Changes);
        Assert.Equal(changes[0], change);
        Assert.Equal(T0, history[0].At);
    }

    [Fact]
    public async Task Parallel_writers_lose_no_update()
    {
        var shared = await CreateAsync(Model("openai/counter", cost: 0m));
        const int writers = 4;
        const int incrementsEach = 10;
        int conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < incrementsEach; i++)
            {
                var own = Model($"w{w}/m{i}");
                while (true)
                {
                    var current = (await Store.FindAsync(shared.Model.Id))!;
                    var next = CatalogModel.Merger.Clone(current.Model);
                    next.CostPerUnit += 1m;
                    var batch = new ModelBatch<CatalogModel>()
                        .Add(ModelWrite.Update(current, next.Id, next, current.SyncState))
                        .Add(ModelWrite.Create(Guid.CreateVersion7(), own.Id, own, State()));
                    try
                    {
                        await Store.ApplyAsync(batch);
                        break;
                    }
                    catch (ModelStoreConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        var final = (await Store.FindAsync(shared.Model.Id))!;
        Assert.Equal(writers * incrementsEach, final.Model.CostPerUnit);
        Assert.Equal(1 + (writers * incrementsEach), final.Version);
        Assert.Equal(1 + (writers * incrementsEach), (await AllIdsAsync()).Count);
    }
}
