using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelCatalog.Storage;

namespace ModelCatalog;

/// <summary>
/// The hosted service behind <see cref="ModelCatalogOptions.SyncOnStartup"/> and <see cref="ModelCatalogOptions.SyncInterval"/>.
/// Start-up sync completes before the host reports started; periodic syncs are single flight (the catalog serialises
/// runs), jittered, cancelled with the host, and a failure is logged and retried after
/// <see cref="ModelCatalogOptions.RetryDelay"/> — it never stops the host. One exception: a store whose tables are missing
/// (<see cref="IModelStoreSchema"/>) fails the start with <see cref="ModelStoreSchemaException"/>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
internal sealed partial class ModelCatalogSyncService<TModel> : BackgroundService
    where TModel : class, ICatalogModel<TModel>
{
    private readonly IModelCatalog<TModel> _catalog;
    private readonly ModelCatalogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _startupSyncFailed;

    /// <summary>Creates the service.</summary>
    /// <param name="catalog">The catalog to sync.</param>
    /// <param name="options">When to sync.</param>
    /// <param name="timeProvider">The clock that times the intervals.</param>
    /// <param name="logger">Where failures are logged.</param>
    public ModelCatalogSyncService(IModelCatalog<TModel> catalog, IOptions<ModelCatalogOptions> options, TimeProvider timeProvider, ILogger<ModelCatalogSyncService<TModel>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail fast: a store without its tables is a deployment mistake, not a transient failure to retry.
        if (_catalog.Store is IModelStoreSchema schema)
        {
            await schema.VerifySchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.SyncOnStartup)
        {
            // A failed start-up sync does not stop the host: the background loop retries it.
            _startupSyncFailed = !await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_startupSyncFailed && !await RetryUntilSyncedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        if (_options.SyncInterval is not { } interval)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var jitter = _options.SyncJitter > TimeSpan.Zero
                ? TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * _options.SyncJitter.Ticks))
                : TimeSpan.Zero;
            try
            {
                await Task.Delay(interval + jitter, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (!await SyncOnceAsync(stoppingToken).ConfigureAwait(false) && !await RetryUntilSyncedAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Retries after RetryDelay until a sync succeeds; false when the host is stopping.
    private async Task<bool> RetryUntilSyncedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.RetryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }

            if (await SyncOnceAsync(stoppingToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _catalog.SyncAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
#pragma warning disable CA1031 // A background sync must never take the host down: every failure is logged and retried.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSyncFailed(_logger, _options.RetryDelay, exception);
            return false;
        }
    }

    [LoggerMessage(10, LogLevel.Error, "Model catalog sync failed; retrying in {RetryDelay}")]
    private static partial void LogSyncFailed(ILogger logger, TimeSpan retryDelay, Exception exception);
}
