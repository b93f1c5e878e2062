using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelCatalog.Storage;

namespace ModelCatalog.ReadModel;

/// <summary>
/// The <see cref="IModelReadModel{TModel}"/> over a catalog's store. Readers take <see cref="Current"/> (one volatile
/// read, never a lock); refreshes are serialised among themselves, build the next snapshot aside and publish it with
/// one reference swap, so readers never wait for a refresh and never see half of one. A failed refresh keeps the
/// current snapshot and records the error.
/// </summary>
/// <remarks>
/// With a store that implements <see cref="IModelChangeFeed{TModel}"/> a refresh first reads the change marker (one
/// row): unchanged, it only confirms the snapshot; changed, it reads the changed models (up to
/// <see cref="ModelReadModelOptions.MaxIncrementalChanges"/>) and patches the snapshot, else it loads everything. Other
/// stores are loaded in full, page by page, on every refresh.
/// </remarks>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed partial class ModelReadModel<TModel> : IModelReadModel<TModel>, IModelCatalogObserver<TModel>, IDisposable
    where TModel : class, ICatalogModel<TModel>
{
    private readonly IModelStore<TModel> _store;
    private readonly IModelChangeFeed<TModel>? _feed;
    private readonly ModelReadModelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDisposable _metrics;
    private CatalogSnapshot<TModel>? _current;
    private ModelReadModelStatus _status = new(0, null, 0, 0, null);

    /// <summary>Creates a read model; nothing is loaded until the first refresh (the hosted service loads at start-up).</summary>
    /// <param name="store">The catalog's store.</param>
    /// <param name="options">Refresh settings; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for snapshot ages.</param>
    /// <param name="logger">Where refresh failures are logged.</param>
    public ModelReadModel(IModelStore<TModel> store, IOptions<ModelReadModelOptions>? options = null, TimeProvider? timeProvider = null, ILogger<ModelReadModel<TModel>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _feed = store as IModelChangeFeed<TModel>;
        _options = options?.Value ?? new ModelReadModelOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = ReadModelMetrics.Track(typeof(TModel).Name, this, static owner => ((ModelReadModel<TModel>)owner).Measure());
    }

    /// <summary>Whether the store is shared with other processes and so worth polling (see <see cref="IModelChangeFeed{TModel}.IsShared"/>).</summary>
    public bool IsPolled => _feed?.IsShared == true;

    /// <inheritdoc/>
    public CatalogSnapshot<TModel>? Current => Volatile.Read(ref _current);

    /// <inheritdoc/>
    public ModelReadModelStatus Status => Volatile.Read(ref _status);

    /// <inheritdoc/>
    public event Action<CatalogSnapshot<TModel>>? SnapshotChanged;

    /// <inheritdoc/>
    public ValueTask<CatalogSnapshot<TModel>> GetSnapshotAsync(CancellationToken cancellationToken = default)
        => Current is { } snapshot ? new(snapshot) : LoadFirstAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<CatalogSnapshot<TModel>> RefreshAsync(CancellationToken cancellationToken = default)
        => UpdateAsync(full: false, onlyIfUnloaded: false, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<CatalogSnapshot<TModel>> ReloadAsync(CancellationToken cancellationToken = default)
        => UpdateAsync(full: true, onlyIfUnloaded: false, cancellationToken);

    /// <summary>Catches up with what the catalog just wrote; a failure is recorded (status, metrics, log), never thrown.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>A task that completes when the snapshot shows the write, or the refresh failed.</returns>
    public async ValueTask OnCatalogChangedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up; polling catches up.
        }
#pragma warning disable CA1031 // Recorded in the status, the metrics and the log by UpdateAsync; the catalog's call stands on its own.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _metrics.Dispose();
        _gate.Dispose();
    }

    private (ModelReadModelStatus Status, DateTimeOffset Now, int Count) Measure() => (Status, _time.GetUtcNow(), Current?.Count ?? 0);

    private async ValueTask<CatalogSnapshot<TModel>> LoadFirstAsync(CancellationToken cancellationToken)
        => await UpdateAsync(full: true, onlyIfUnloaded: true, cancellationToken).ConfigureAwait(false);

    private async ValueTask<CatalogSnapshot<TModel>> UpdateAsync(bool full, bool onlyIfUnloaded, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (onlyIfUnloaded && current is not null)
            {
                return current; // another caller loaded it while this one waited
            }

            long started = Stopwatch.GetTimestamp();
            CatalogSnapshot<TModel> next;
            try
            {
                next = await NextAsync(current, full, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failed = _status with { Failures = _status.Failures + 1, LastError = exception };
                Volatile.Write(ref _status, failed);
                ReadModelMetrics.RefreshFailed(typeof(TModel).Name);
                LogRefreshFailed(_logger, exception);
                throw;
            }

            bool changed = !ReferenceEquals(next, current);
            if (changed)
            {
                Volatile.Write(ref _current, next);
            }

            Volatile.Write(ref _status, new ModelReadModelStatus(next.Generation, _time.GetUtcNow(), _status.Refreshes + 1, _status.Failures, null));
            ReadModelMetrics.Refreshed(typeof(TModel).Name, changed, Stopwatch.GetElapsedTime(started));
            if (changed)
            {
                Publish(next);
            }

            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<CatalogSnapshot<TModel>> NextAsync(CatalogSnapshot<TModel>? current, bool full, CancellationToken cancellationToken)
    {
        long generation = (current?.Generation ?? 0) + 1;
        if (_feed is null)
        {
            return new CatalogSnapshot<TModel>(await ListEverythingAsync(cancellationToken).ConfigureAwait(false), 0, generation, _time.GetUtcNow());
        }

        if (!full && current is not null)
        {
            long marker = await _feed.GetChangeMarkerAsync(cancellationToken).ConfigureAwait(false);
            if (marker == current.Marker)
            {
                return current;
            }

            // A marker that went backwards means another database (restored, recreated): only a full load is right.
            if (marker > current.Marker)
            {
                var changes = await _feed.GetChangesSinceAsync(current.Marker, _options.MaxIncrementalChanges, cancellationToken).ConfigureAwait(false);
                if (changes is not null)
                {
                    return current.With(changes, _time.GetUtcNow());
                }
            }
        }

        var contents = await _feed.LoadAllAsync(cancellationToken).ConfigureAwait(false);
        return new CatalogSnapshot<TModel>(contents.Models, contents.Marker, generation, _time.GetUtcNow());
    }

    // A store without a change feed: page through it (consistent only as far as the store's paging is).
    private async ValueTask<List<StoredModel<TModel>>> ListEverythingAsync(CancellationToken cancellationToken)
    {
        var models = new List<StoredModel<TModel>>();
        await foreach (var stored in _store.EnumerateAllAsync(new ModelQuery { Limit = ModelQuery.MaxLimit }, cancellationToken).ConfigureAwait(false))
        {
            models.Add(stored);
        }

        return models;
    }

    private void Publish(CatalogSnapshot<TModel> snapshot)
    {
        var handlers = SnapshotChanged;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<CatalogSnapshot<TModel>>)handler)(snapshot);
            }
#pragma warning disable CA1031 // One faulty subscriber must not stop the others or the refresh.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, exception);
            }
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Model catalog read model refresh failed; the current snapshot stays")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(21, LogLevel.Error, "A SnapshotChanged handler of the model catalog read model failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
