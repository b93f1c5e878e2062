using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Gateway;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Gateway.Tests.Directory;

public sealed class CatalogGatewayModelDirectoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);

    private async Task<(DefaultModelCatalog<CatalogModel> Catalog, CatalogGatewayModelDirectory<CatalogModel> Directory)> SyncedAsync()
    {
        var catalog = new DefaultModelCatalog<CatalogModel>(new InMemoryModelStore<CatalogModel>(), timeProvider: _time);
        var models = new[] { "openai/gpt-4o", "openai/hidden", "openai/off", "openrouter/meta-llama/llama-3.1-70b-instruct", "anthropic/claude" }
            .Select(id => new CatalogModel { Id = UnifiedModelId.Parse(id), DisplayName = "Name of " + id })
            .ToList();
        await catalog.SyncAsync(new ModelSnapshot<CatalogModel>("s", "v", DateTimeOffset.UnixEpoch, models));
        await catalog.EditAsync(UnifiedModelId.Parse("openai/hidden"), m => m.IsVisible = false);
        await catalog.EditAsync(UnifiedModelId.Parse("openai/off"), m => m.IsActive = false);
        return (catalog, new CatalogGatewayModelDirectory<CatalogModel>(catalog.Store));
    }

    [Fact]
    public async Task The_gateway_lists_only_the_catalogs_active_and_visible_models_in_id_order()
    {
        var (_, directory) = await SyncedAsync();

        var listed = await ModelListing.ListAsync(directory);

        Assert.Equal(["anthropic/claude", "openai/gpt-4o", "openrouter/meta-llama/llama-3.1-70b-instruct"], listed.Select(m => m.Id.ToString()));
        Assert.Equal("Name of openai/gpt-4o", listed[1].DisplayName);
    }

    [Fact]
    public async Task Resolution_reads_the_catalog_with_the_model_name_as_upstream_name_and_refuses_inactive_models()
    {
        var (_, directory) = await SyncedAsync();
        var resolver = new ModelResolver(directory);

        var llama = await resolver.ResolveAsync("openrouter/meta-llama/llama-3.1-70b-instruct");
        var off = await resolver.ResolveAsync("openai/off");
        var hidden = await resolver.ResolveAsync("openai/hidden");

        Assert.True(llama.IsResolved);
        Assert.Equal(("openrouter", "meta-llama/llama-3.1-70b-instruct"), (llama.ProviderId, llama.UpstreamModelName));
        Assert.False(off.IsResolved);
        Assert.True(hidden.IsResolved); // hidden models are unlisted, not unusable
    }

    [Fact]
    public async Task Created_is_the_time_the_catalog_first_created_the_model_not_a_later_sync_or_edit()
    {
        var (catalog, directory) = await SyncedAsync();
        _time.Advance(TimeSpan.FromDays(3));
        await catalog.EditAsync(UnifiedModelId.Parse("openai/gpt-4o"), m => m.DisplayName = "edited later");
        await catalog.SyncAsync(new ModelSnapshot<CatalogModel>("s", "v2", _time.GetUtcNow(), [new CatalogModel { Id = UnifiedModelId.Parse("openai/gpt-4o"), Description = "new" }]));

        var model = await directory.FindAsync(UnifiedModelId.Parse("openai/gpt-4o"));

        Assert.Equal(T0, model!.Created);
        Assert.Equal("edited later", model.DisplayName);
    }

    [Fact]
    public async Task The_case_insensitive_lookup_finds_a_unique_match_and_refuses_an_ambiguous_one()
    {
        var (catalog, directory) = await SyncedAsync();

        Assert.Equal("openai/gpt-4o", (await directory.FindIgnoreCaseAsync(UnifiedModelId.Parse("OpenAI/GPT-4o")))!.Id.ToString());
        await catalog.SyncAsync(new ModelSnapshot<CatalogModel>("t", "v", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = UnifiedModelId.Parse("OpenAI/gpt-4o") }]));
        Assert.Null(await directory.FindIgnoreCaseAsync(UnifiedModelId.Parse("OPENAI/GPT-4O")));
    }
}
