using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ModelCatalog.ReadModel;
using ModelCatalog.Sync;

namespace ModelCatalog.Gateway.Tests.ReadModel;

/// <summary>
/// The directory <c>AddCatalogGatewayModelDirectory&lt;CatalogModel&gt;()</c> registers — the read model's — driven
/// through resolution and listings over each store: in memory, a SQLite file, a PostgreSQL database.
/// </summary>
public abstract class ReadModelDirectoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private IHost? _host;

    protected IModelCatalog<CatalogModel> Catalog => _host!.Services.GetRequiredService<IModelCatalog<CatalogModel>>();

    protected IGatewayModelDirectory Directory => _host!.Services.GetRequiredService<IGatewayModelDirectory>();

    /// <summary>Chooses the store and creates its tables.</summary>
    protected abstract Task UseStoreAsync(ModelCatalogBuilder<CatalogModel> catalog);

    protected virtual Task CreateTablesAsync(IServiceProvider services) => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(_time);
        await UseStoreAsync(builder.Services.AddModelCatalog());
        builder.Services.AddCatalogGatewayModelDirectory<CatalogModel>().AddModelCatalogGateway(o => o.CaseInsensitiveFallback = true);
        _host = builder.Build();
        await CreateTablesAsync(_host.Services);
        await _host.StartAsync();

        var models = new[] { "openai/gpt-4o", "openai/hidden", "openai/off", "openrouter/meta-llama/llama-3.1-70b-instruct", "anthropic/claude" }
            .Select(id => new CatalogModel { Id = UnifiedModelId.Parse(id), DisplayName = "Name of " + id })
            .ToList();
        await Catalog.SyncAsync(new ModelSnapshot<CatalogModel>("s", "v", DateTimeOffset.UnixEpoch, models));
        await Catalog.EditAsync(UnifiedModelId.Parse("openai/hidden"), m => m.IsVisible = false);
        await Catalog.EditAsync(UnifiedModelId.Parse("openai/off"), m => m.IsActive = false);
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    [Fact]
    public void The_catalog_directory_is_the_read_models()
        => Assert.IsType<ReadModelGatewayModelDirectory<CatalogModel>>(Directory);

    [Fact]
    public async Task The_gateway_lists_only_the_catalogs_active_and_visible_models_in_id_order()
    {
        var listed = await ModelListing.ListAsync(Directory);

        Assert.Equal(["anthropic/claude", "openai/gpt-4o", "openrouter/meta-llama/llama-3.1-70b-instruct"], listed.Select(m => m.Id.ToString()));
        Assert.Equal("Name of openai/gpt-4o", listed[1].DisplayName);
    }

    [Fact]
    public async Task Resolution_uses_the_model_name_upstream_refuses_inactive_models_and_resolves_hidden_ones()
    {
        var resolver = new ModelResolver(Directory);

        var llama = await resolver.ResolveAsync("openrouter/meta-llama/llama-3.1-70b-instruct");
        var off = await resolver.ResolveAsync("openai/off");
        var hidden = await resolver.ResolveAsync("openai/hidden");
        var unknown = await resolver.ResolveAsync("openai/gpt-5");

        Assert.Equal(("openrouter", "meta-llama/llama-3.1-70b-instruct"), (llama.ProviderId, llama.UpstreamModelName));
        Assert.Equal(ModelResolutionStatus.Inactive, off.Status);
        Assert.True(hidden.IsResolved);
        Assert.Equal(ModelResolutionStatus.Unknown, unknown.Status);
    }

    [Fact]
    public async Task The_case_insensitive_fallback_finds_a_unique_match_and_nothing_once_two_ids_differ_only_by_case()
    {
        var resolver = _host!.Services.GetRequiredService<ModelResolver>();
        var match = await resolver.ResolveAsync("OpenAI/GPT-4o");
        Assert.True(match.IsCaseInsensitiveMatch);
        Assert.Equal("openai/gpt-4o", match.Id.ToString());

        await Catalog.SyncAsync(new ModelSnapshot<CatalogModel>("t", "v", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = UnifiedModelId.Parse("OpenAI/gpt-4o") }]));

        Assert.Equal(ModelResolutionStatus.Unknown, (await resolver.ResolveAsync("OPENAI/GPT-4O")).Status);
        Assert.True((await resolver.ResolveAsync("OpenAI/gpt-4o")).IsResolved); // the exact match still wins
    }

    [Fact]
    public async Task A_deactivation_through_the_catalog_is_refused_by_resolution_as_soon_as_the_edit_returns()
    {
        var resolver = new ModelResolver(Directory);
        Assert.True((await resolver.ResolveAsync("anthropic/claude")).IsResolved);

        await Catalog.EditAsync(UnifiedModelId.Parse("anthropic/claude"), m => m.IsActive = false);

        Assert.Equal(ModelResolutionStatus.Inactive, (await resolver.ResolveAsync("anthropic/claude")).Status);
        Assert.DoesNotContain(await ModelListing.ListAsync(Directory), m => m.Id.ToString() == "anthropic/claude");
    }

    [Fact]
    public async Task Created_is_the_time_the_catalog_first_created_the_model_not_a_later_sync_or_edit()
    {
        _time.Advance(TimeSpan.FromDays(3));
        await Catalog.EditAsync(UnifiedModelId.Parse("openai/gpt-4o"), m => m.DisplayName = "edited later");

        var model = await Directory.FindAsync(UnifiedModelId.Parse("openai/gpt-4o"));

        Assert.Equal(T0, model!.Created);
        Assert.Equal("edited later", model.DisplayName);
    }

    [Fact]
    public async Task Paging_forward_visits_every_listed_model_once()
    {
        var more = Enumerable.Range(0, 45).Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i:D4}") }).ToList();
        await Catalog.SyncAsync(new ModelSnapshot<CatalogModel>("numbered", "v", DateTimeOffset.UnixEpoch, more));
        var seen = new List<string>();
        var query = new ModelListQuery(7);
        while (true)
        {
            var page = await ModelListing.PageAsync(Directory, query);
            seen.AddRange(page.Models.Select(m => m.Id.ToString()));
            if (!page.HasMore)
            {
                break;
            }

            query = new ModelListQuery(7, afterId: page.LastId);
        }

        Assert.Equal(["anthropic/claude", "openai/gpt-4o", "openrouter/meta-llama/llama-3.1-70b-instruct", .. Enumerable.Range(0, 45).Select(i => $"p/m{i:D4}")], seen);
    }
}
