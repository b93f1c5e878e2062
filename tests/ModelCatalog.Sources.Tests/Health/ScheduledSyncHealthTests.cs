using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ModelCatalog.Sources.Tests.Support;
using ModelCatalog.Testing;

namespace ModelCatalog.Sources.Tests.Health;

/// <summary>
/// The hosted service syncs an HTTP source on a fake clock (start-up, then hourly, retrying after 10 minutes), and the
/// source's health check follows: Healthy after the first success, Degraded once the last success is older than 30
/// minutes, Healthy again once a sync succeeds; Unhealthy while the first sync never succeeded.
/// </summary>
public sealed class ScheduledSyncHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TimerAwareFakeTimeProvider _time = new();
    private CatalogServer _server = null!;

    public async Task InitializeAsync() => _server = await CatalogServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpCatalog<CatalogModel> Host() => HttpCatalog.Create(
        _server.Url("openrouter", "models_2026-04-30.json"),
        CatalogMapping.Default,
        o => (o.DegradedAfter, o.MaxRetryAttempts) = (TimeSpan.FromMinutes(30), 1),
        services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Configure<ModelCatalogOptions>(o =>
            {
                o.SyncOnStartup = true;
                o.SyncInterval = TimeSpan.FromHours(1);
                o.SyncJitter = TimeSpan.Zero;
                o.RetryDelay = TimeSpan.FromMinutes(10);
            });
        });

    private static async Task<HealthReportEntry> CheckAsync(HttpCatalog<CatalogModel> host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(ModelCatalogBuilderHttpSourceExtensions.HealthCheckTag));
        return Assert.Single(report.Entries, e => e.Key == "modelcatalog-source-test").Value;
    }

    // The background loop waits on the fake clock: move it only once the loop is really waiting.
    private async Task AdvanceWhenWaitingAsync(TimeSpan by)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!_time.TryTakeTimer())
        {
            Assert.True(DateTime.UtcNow < deadline, "the sync service never started waiting");
            await Task.Delay(10);
        }

        _time.Advance(by);
    }

    // The sync itself runs on real sockets after the clock moved; wait (bounded) for its outcome.
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected sync outcome never came");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task The_health_check_goes_degraded_when_syncs_fail_past_the_age_and_healthy_again_when_one_succeeds()
    {
        await using var host = Host();
        var service = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single();
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(host)).Status);

        await service.StartAsync(CancellationToken.None);
        var started = await CheckAsync(host);
        _server.Mode = ServerMode.Error500;
        await AdvanceWhenWaitingAsync(TimeSpan.FromHours(1));
        await UntilAsync(() => host.Status.Status.ConsecutiveFailures == 1);
        var failing = await CheckAsync(host);
        _server.Mode = ServerMode.Ok;
        await AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(10));
        await UntilAsync(() => host.Status.Status.ConsecutiveFailures == 0);
        var recovered = await CheckAsync(host);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, started.Status);
        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Contains("answered 500", (string)failing.Data["last_error"], StringComparison.Ordinal);
        Assert.Equal(3600d, failing.Data["age_seconds"]);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
        Assert.Equal(0d, recovered.Data["age_seconds"]);
        // Start-up fetched; the hourly sync failed twice (1 retry); the retry got 304 (the data had not changed).
        Assert.Equal([200, 500, 500, 304], _server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_while_the_first_sync_never_succeeded()
    {
        _server.Mode = ServerMode.Error500;
        await using var host = Host();
        var service = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single();

        await service.StartAsync(CancellationToken.None);
        var entry = await CheckAsync(host);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("the first sync of 'test' has not succeeded", entry.Description, StringComparison.Ordinal);
        Assert.Contains("answered 500", entry.Description, StringComparison.Ordinal);
    }
}
