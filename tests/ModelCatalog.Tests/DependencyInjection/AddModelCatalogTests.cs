using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.DependencyInjection;

public sealed class AddModelCatalogTests
{
    private sealed class CountingSource(Func<int, ModelSnapshot<CatalogModel>> snapshot) : IModelSource<CatalogModel>
    {
        private int _fetches;

        public string Name => "counting";

        public int Fetches => Volatile.Read(ref _fetches);

        public ValueTask<ModelSnapshot<CatalogModel>> FetchAsync(CancellationToken cancellationToken = default)
            => ValueTask.FromResult(snapshot(Interlocked.Increment(ref _fetches)));
    }

    private static ModelSnapshot<CatalogModel> Models(int version, params string[] ids)
        => new("counting", $"v{version}", DateTimeOffset.UnixEpoch, ids.Select(id => new CatalogModel { Id = UnifiedModelId.Parse(id), DisplayName = id, CostPerUnit = version }).ToList());

    [Fact]
    public void The_default_registration_is_a_catalog_of_CatalogModel_over_the_in_memory_store()
    {
        using var provider = new ServiceCollection().AddModelCatalog().Services.BuildServiceProvider();

        Assert.IsType<InMemoryModelStore<CatalogModel>>(provider.GetRequiredService<IModelStore<CatalogModel>>());
        Assert.Same(provider.GetRequiredService<IModelStore<CatalogModel>>(), provider.GetRequiredService<IModelCatalog<CatalogModel>>().Store);
    }

    [Fact]
    public void Calling_AddModelCatalog_twice_registers_everything_once()
    {
        var services = new ServiceCollection();
        services.AddModelCatalog();
        int count = services.Count;

        services.AddModelCatalog(o => o.DefaultMode = UpdateMode.Force);

        Assert.Equal(count + 1, services.Count); // only the second Configure action is added
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IModelCatalog<CatalogModel>));
    }

    [Fact]
    public void Arguments_are_guarded_with_their_names()
    {
        Assert.Throws<ArgumentNullException>("services", () => ModelCatalogServiceCollectionExtensions.AddModelCatalog(null!));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddModelCatalog((Action<ModelCatalogOptions>)null!));
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddModelCatalog((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>("source", () => new ServiceCollection().AddModelCatalog().AddSource((ModelCatalog.Sync.IModelSource<CatalogModel>)null!));
        Assert.Throws<ArgumentNullException>("factory", () => new ServiceCollection().AddModelCatalog().AddSource((Func<IServiceProvider, ModelCatalog.Sync.IModelSource<CatalogModel>>)null!));
    }

    [Fact]
    public void Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelCatalog:DefaultMode"] = "Force",
            ["ModelCatalog:MaxRemovalShare"] = "0.05",
            ["ModelCatalog:SyncInterval"] = "00:30:00",
            ["ModelCatalog:MissingModels"] = "Deactivate",
        }).Build();

        using var provider = new ServiceCollection().AddModelCatalog(configuration.GetSection("ModelCatalog")).Services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ModelCatalogOptions>>().Value;

        Assert.Equal(UpdateMode.Force, options.DefaultMode);
        Assert.Equal(0.05, options.MaxRemovalShare);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);
        Assert.Equal(MissingModelPolicy.Deactivate, options.MissingModels);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start_up_naming_every_problem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddModelCatalog(o => (o.MaxRemovalShare, o.RetryDelay) = (1.5, TimeSpan.Zero));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("MaxRemovalShare", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_on_start_up_fills_the_catalog_before_the_host_has_started()
    {
        var source = new CountingSource(v => Models(v, "openai/gpt-4o", "anthropic/claude"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddModelCatalog(o => o.SyncOnStartup = true).AddSource(source).InitializeNewModels(m => m.IsVisible = false);
        using var host = builder.Build();

        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IModelCatalog<CatalogModel>>();

        var model = await catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o"));
        Assert.NotNull(model);
        Assert.False(model.Model.IsVisible);
        Assert.Equal(1, source.Fetches);
        await host.StopAsync();
    }

    [Fact]
    public async Task Periodic_sync_runs_on_the_injected_clock_and_survives_a_failing_source()
    {
        var time = new TimerAwareFakeTimeProvider();
        var source = new CountingSource(v => v == 2 ? throw new HttpRequestException("upstream is down") : Models(v, "openai/gpt-4o"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddModelCatalog(o => (o.SyncInterval, o.RetryDelay) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1))).AddSource(source);
        using var host = builder.Build();
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IModelCatalog<CatalogModel>>();

        await AdvanceUntil(time, TimeSpan.FromMinutes(10), () => Price(catalog) == 1m);
        await AdvanceUntil(time, TimeSpan.FromMinutes(10), () => source.Fetches >= 2); // fails
        await AdvanceUntil(time, TimeSpan.FromMinutes(1), () => Price(catalog) == 3m);  // retried after RetryDelay

        Assert.Equal(3, source.Fetches);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failing_start_up_sync_does_not_stop_the_host_and_is_retried()
    {
        var time = new TimerAwareFakeTimeProvider();
        var source = new CountingSource(v => v == 1 ? throw new HttpRequestException("upstream is down") : Models(v, "openai/gpt-4o"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddModelCatalog(o => (o.SyncOnStartup, o.RetryDelay) = (true, TimeSpan.FromMinutes(1))).AddSource(source);
        using var host = builder.Build();

        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<IModelCatalog<CatalogModel>>();
        Assert.Null(await catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")));
        await AdvanceUntil(time, TimeSpan.FromMinutes(1), () => catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")).AsTask().Result is not null);

        Assert.Equal(2, source.Fetches);
        await host.StopAsync();
    }

    [Fact]
    public void UseStore_replaces_the_in_memory_default()
    {
        var store = new InMemoryModelStore<CatalogModel>();
        using var provider = new ServiceCollection().AddModelCatalog().UseStore(_ => store).Services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IModelCatalog<CatalogModel>>().Store);
    }

    private static decimal? Price(IModelCatalog<CatalogModel> catalog)
        => catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")).AsTask().Result?.Model.CostPerUnit;

    // Moves the fake clock one step each time the background loop has started waiting on it, until the loop has done
    // its work. Real time only bounds the wait, so a broken loop fails the test instead of hanging it; how fast the
    // machine is never changes what the test sees.
    private static async Task AdvanceUntil(TimerAwareFakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the background sync did not run");
            if (time.TryTakeTimer())
            {
                time.Advance(step);
            }
            else
            {
                await Task.Delay(5);
            }
        }
    }
}
