using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.ReadModel;

/// <summary>The read model in a host: start-up load, polling on a fake clock, notifiers, registration.</summary>
public sealed class ReadModelHostingTests
{
    private sealed class FixedSource(params string[] ids) : IModelSource<CatalogModel>
    {
        public string Name => "fixed";

        public ValueTask<ModelSnapshot<CatalogModel>> FetchAsync(CancellationToken cancellationToken = default)
            => ValueTask.FromResult(new ModelSnapshot<CatalogModel>(Name, "v1", DateTimeOffset.UnixEpoch, ids.Select(id => new CatalogModel { Id = UnifiedModelId.Parse(id) }).ToList()));
    }

    /// <summary>Hands the read model's callbacks to the test.</summary>
    private sealed class ManualNotifier : IModelChangeNotifier<CatalogModel>
    {
        private readonly TaskCompletionSource<(Action Changed, Action Resync)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<(Action Changed, Action Resync)> Listening => _listening.Task;

        public async Task ListenAsync(Action changed, Action resync, CancellationToken cancellationToken)
        {
            _listening.TrySetResult((changed, resync));
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IHost Host(Action<IServiceCollection> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Services);
        return builder.Build();
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimerAwareFakeTimeProvider? time = null, TimeSpan step = default)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the read model did not catch up");
            if (time is not null && time.TryTakeTimer())
            {
                time.Advance(step);
            }
            else
            {
                await Task.Delay(5);
            }
        }
    }

    [Fact]
    public async Task The_host_loads_the_read_model_before_it_reports_started()
    {
        using var host = Host(s => s.AddModelCatalog(o => o.SyncOnStartup = true).AddSource(new FixedSource("p/a", "p/b")).AddReadModel());

        await host.StartAsync();

        var snapshot = host.Services.GetRequiredService<IModelReadModel<CatalogModel>>().Current;
        Assert.Equal(["p/a", "p/b"], snapshot!.Models.Select(m => m.Model.Id.ToString()));
        await host.StopAsync();
    }

    [Fact]
    public async Task Another_processes_write_is_seen_at_the_next_poll()
    {
        var time = new TimerAwareFakeTimeProvider();
        var store = new SharedInMemoryStore();
        using var host = Host(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddModelCatalog().UseStore(_ => store).AddReadModel(o => o.PollInterval = TimeSpan.FromSeconds(2));
        });
        await host.StartAsync();
        var readModel = host.Services.GetRequiredService<IModelReadModel<CatalogModel>>();

        await store.WriteElsewhereAsync("p/elsewhere", "written by another replica");
        Assert.Equal(0, readModel.Current!.Count); // nothing polls until the interval has passed

        await WaitUntilAsync(() => readModel.Current!.Count == 1, time, TimeSpan.FromSeconds(2));

        Assert.Equal("written by another replica", readModel.Current!.Models[0].Model.Description);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_poll_that_finds_nothing_changed_reads_the_marker_and_publishes_nothing()
    {
        var time = new TimerAwareFakeTimeProvider();
        var store = new SharedInMemoryStore();
        await store.WriteElsewhereAsync("p/a", "x");
        using var host = Host(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddModelCatalog().UseStore(_ => store).AddReadModel();
        });
        await host.StartAsync();
        var readModel = host.Services.GetRequiredService<IModelReadModel<CatalogModel>>();
        var loaded = readModel.Current;

        await WaitUntilAsync(() => readModel.Status.Refreshes >= 3, time, ModelReadModelOptions.DefaultPollInterval);

        Assert.Same(loaded, readModel.Current);
        Assert.True(store.MarkerReads >= 2);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_notification_refreshes_at_once_and_a_resync_reloads_everything()
    {
        var store = new SharedInMemoryStore();
        var notifier = new ManualNotifier();
        using var host = Host(s =>
        {
            s.AddSingleton<IModelChangeNotifier<CatalogModel>>(notifier);
            s.AddModelCatalog().UseStore(_ => store).AddReadModel(o => o.PollInterval = TimeSpan.FromHours(1));
        });
        await host.StartAsync();
        var readModel = host.Services.GetRequiredService<IModelReadModel<CatalogModel>>();
        var (changed, resync) = await notifier.Listening.WaitAsync(TimeSpan.FromSeconds(30));

        await store.WriteElsewhereAsync("p/a", "x");
        changed();
        await WaitUntilAsync(() => readModel.Current!.Count == 1);
        var afterChange = readModel.Current!;

        resync();
        await WaitUntilAsync(() => readModel.Current!.Generation > afterChange.Generation);

        Assert.NotSame(afterChange.Models[0], readModel.Current!.Models[0]); // reloaded, not patched
        await host.StopAsync();
    }

    [Fact]
    public void A_host_without_the_read_model_registers_none_of_it()
    {
        var services = new ServiceCollection();
        services.AddModelCatalog();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IModelReadModel<CatalogModel>));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IModelCatalogObserver<CatalogModel>));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(ModelReadModelService<CatalogModel>));
    }

    [Fact]
    public void The_catalog_tells_the_registered_read_model_of_its_changes()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddModelCatalog().AddReadModel();
        services.AddModelCatalogReadModel<CatalogModel>(); // a second call registers nothing more
        using var provider = services.BuildServiceProvider();

        var observer = Assert.Single(provider.GetServices<IModelCatalogObserver<CatalogModel>>());
        Assert.Same(provider.GetRequiredService<IModelReadModel<CatalogModel>>(), observer);
        Assert.Single(services, d => d.ImplementationType == typeof(ModelReadModelService<CatalogModel>));
    }

    [Fact]
    public async Task Bad_options_stop_the_host_naming_every_bad_value()
    {
        using var host = Host(s => s.AddModelCatalog().AddReadModel(o => (o.PollInterval, o.MaxIncrementalChanges) = (TimeSpan.Zero, -1)));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PollInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxIncrementalChanges", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_store_at_start_up_does_not_stop_the_host_and_is_retried()
    {
        var time = new TimerAwareFakeTimeProvider();
        var store = new FlakyStore { FailuresLeft = 2 };
        using var host = Host(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddModelCatalog().UseStore(_ => store).AddReadModel();
        });

        await host.StartAsync();
        var readModel = host.Services.GetRequiredService<IModelReadModel<CatalogModel>>();
        Assert.Null(readModel.Current);

        await WaitUntilAsync(() => readModel.Current is not null, time, TimeSpan.FromSeconds(1));
        Assert.Equal(2, readModel.Status.Failures);
        await host.StopAsync();
    }

    private sealed class FlakyStore : InMemoryModelStore<CatalogModel>, IModelChangeFeed<CatalogModel>
    {
        public int FailuresLeft { get; set; }

        bool IModelChangeFeed<CatalogModel>.IsShared => true;

        ValueTask<ModelStoreContents<CatalogModel>> IModelChangeFeed<CatalogModel>.LoadAllAsync(CancellationToken cancellationToken)
            => FailuresLeft-- > 0 ? throw new TimeoutException("the database is starting") : LoadAllAsync(cancellationToken);
    }
}
