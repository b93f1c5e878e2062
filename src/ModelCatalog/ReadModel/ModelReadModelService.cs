using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ModelCatalog.ReadModel;

/// <summary>
/// Keeps the read model current for the host's lifetime: loads it in <see cref="StartAsync"/> (before the host reports
/// started), then refreshes it every <see cref="ModelReadModelOptions.PollInterval"/> when the store is shared with
/// other processes, at once when a <see cref="IModelChangeNotifier{TModel}"/> says something changed, and reloads it in
/// full after a notifier reconnected. A failure is recorded and retried after
/// <see cref="ModelReadModelOptions.RetryDelay"/>; it never stops the host.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed partial class ModelReadModelService<TModel> : BackgroundService
    where TModel : class, ICatalogModel<TModel>
{
    private readonly ModelReadModel<TModel> _readModel;
    private readonly IModelChangeNotifier<TModel>[] _notifiers;
    private readonly ModelReadModelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _reloadRequested;

    /// <summary>Creates the service.</summary>
    /// <param name="readModel">The read model to keep current.</param>
    /// <param name="notifiers">Push notifications of changes, if any.</param>
    /// <param name="options">Poll interval and retry delay.</param>
    /// <param name="timeProvider">The clock that times polls.</param>
    /// <param name="logger">Where failures are logged.</param>
    public ModelReadModelService(
        ModelReadModel<TModel> readModel,
        IEnumerable<IModelChangeNotifier<TModel>> notifiers,
        IOptions<ModelReadModelOptions> options,
        TimeProvider timeProvider,
        ILogger<ModelReadModelService<TModel>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        ArgumentNullException.ThrowIfNull(notifiers);
        ArgumentNullException.ThrowIfNull(options);
        _readModel = readModel;
        _notifiers = [.. notifiers];
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _readModel.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Recorded by the read model (health check: Unhealthy until loaded); the loop below retries.
            LogStartupLoadFailed(_logger, exception);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        base.Dispose();
        _signal.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listeners = _notifiers.Select(n => ListenAsync(n, stoppingToken)).ToArray();
        bool polled = _readModel.IsPolled;
        bool failed = _readModel.Current is null;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait = failed ? _options.RetryDelay : polled ? _options.PollInterval : null;
            if (!await WaitAsync(wait, stoppingToken).ConfigureAwait(false))
            {
                break;
            }

            bool reload = Interlocked.Exchange(ref _reloadRequested, 0) == 1 || _readModel.Current is null;
            try
            {
                if (reload)
                {
                    await _readModel.ReloadAsync(stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await _readModel.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }

                failed = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Recorded by the read model (status, metrics, log); retried after RetryDelay.
            catch (Exception)
#pragma warning restore CA1031
            {
                failed = true;
                if (reload)
                {
                    Interlocked.Exchange(ref _reloadRequested, 1);
                }
            }
        }

        await Task.WhenAll(listeners).ConfigureAwait(false);
    }

    // Waits for the interval (null: forever) or a signal; false when the host is stopping.
    private async Task<bool> WaitAsync(TimeSpan? interval, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signal = _signal.WaitAsync(done.Token);
        var delay = interval is { } due ? Task.Delay(due, _time, done.Token) : Task.Delay(Timeout.Infinite, done.Token);
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signal, delay).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The one that did not finish was cancelled: expected.
        }

        return !stoppingToken.IsCancellationRequested;
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already pending; it will see this change too.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping.
        }
    }

    private async Task ListenAsync(IModelChangeNotifier<TModel> notifier, CancellationToken stoppingToken)
    {
        try
        {
            await notifier.ListenAsync(Signal, () =>
            {
                Interlocked.Exchange(ref _reloadRequested, 1);
                Signal();
            }, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A notifier that gives up leaves polling in charge; it must not stop the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotifierFailed(_logger, exception);
        }
    }

    [LoggerMessage(22, LogLevel.Warning, "The model catalog read model could not load at start-up; retrying in the background")]
    private static partial void LogStartupLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(23, LogLevel.Error, "A model catalog change notifier stopped; polling continues")]
    private static partial void LogNotifierFailed(ILogger logger, Exception exception);
}
