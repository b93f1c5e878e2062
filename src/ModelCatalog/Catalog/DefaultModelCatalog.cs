using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog;

/// <summary>The <see cref="IModelCatalog{TModel}"/> that <c>AddModelCatalog()</c> registers.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class DefaultModelCatalog<TModel> : IModelCatalog<TModel>, IDisposable
    where TModel : class, ICatalogModel<TModel>
{
    private const int MaxEditAttempts = 8;
    private static readonly IModelMerger<TModel> Merger = TModel.Merger;

    private readonly ModelSynchronizer<TModel> _synchronizer;
    private readonly IEnumerable<IModelSource<TModel>> _sources;
    private readonly IOptions<ModelCatalogOptions> _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _singleFlight = new(1, 1);
    private readonly IModelCatalogObserver<TModel>[] _observers;

    /// <summary>Creates a catalog over a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="sources">The registered sources, for <see cref="SyncAllAsync"/>.</param>
    /// <param name="options">Sync defaults.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="initializeNewModel">Sets initial local values on models a sync creates (for example "new models start hidden").</param>
    /// <param name="observers">Told after every call that may have written the store, before it returns (the read model).</param>
    public DefaultModelCatalog(
        IModelStore<TModel> store,
        IEnumerable<IModelSource<TModel>>? sources = null,
        IOptions<ModelCatalogOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        Action<TModel>? initializeNewModel = null,
        IEnumerable<IModelCatalogObserver<TModel>>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _observers = observers?.ToArray() ?? [];
        _sources = sources?.ToArray() ?? [];
        var duplicate = _sources.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two model sources are named '{duplicate.Key}': every source needs its own name, because models belong to the source that synced them.");
        }

        _options = options ?? Options.Create(new ModelCatalogOptions());
        _time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ModelCatalog.Sync");
        _synchronizer = new ModelSynchronizer<TModel>(store, _time, logger, initializeNewModel);
    }

    /// <inheritdoc/>
    public IModelStore<TModel> Store { get; }

    /// <inheritdoc/>
    public ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => Store.FindAsync(id, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
        => Store.ListAsync(query, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<SyncReport> SyncAsync(ModelSnapshot<TModel> snapshot, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var effective = options ?? _options.Value.ToSyncOptions();
        await _singleFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _synchronizer.SyncAsync(snapshot, effective, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also after a failure: a store error after the commit leaves the outcome unknown, and a refresh that
            // finds nothing changed costs one row.
            if (!effective.DryRun)
            {
                await NotifyAsync().ConfigureAwait(false);
            }

            _singleFlight.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<SyncReport> SyncAsync(IModelSource<TModel> source, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var feedback = source as IModelSyncFeedback<TModel>;
        ModelSnapshot<TModel> snapshot;
        SyncReport report;
        try
        {
            snapshot = await source.FetchAsync(cancellationToken).ConfigureAwait(false);
            report = await SyncAsync(snapshot, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (feedback is not null && (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            feedback.OnFailed(exception);
            throw;
        }

        feedback?.OnSynced(snapshot, report);
        return report;
    }

    /// <inheritdoc/>
    /// <exception cref="AggregateException">One or more sources failed; every other source was still synced.</exception>
    public async ValueTask<IReadOnlyList<SyncReport>> SyncAllAsync(SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<SyncReport>();
        List<Exception>? failures = null;
        foreach (var source in _sources)
        {
            try
            {
                reports.Add(await SyncAsync(source, options, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One source being down must not keep the others stale.
                (failures ??= []).Add(new InvalidOperationException($"Sync of source '{source.Name}' failed: {exception.Message}", exception));
            }
        }

        return failures is null ? reports : throw new AggregateException("One or more model sources failed to sync.", failures);
    }

    /// <inheritdoc/>
    public async ValueTask<LocalEditResult<TModel>> EditAsync(UnifiedModelId id, Action<TModel> edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        for (int attempt = 1; ; attempt++)
        {
            var stored = await Store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new LocalEditResult<TModel>(LocalEditStatus.NotFound, null, []);
            }

            var edited = Merger.Clone(stored.Model);
            edit(edited);
            if (Merger.GetId(edited) != id)
            {
                throw new ArgumentException($"A local edit must not change the model's ID ('{id}' became '{Merger.GetId(edited)}').", nameof(edit));
            }

            var changes = Merger.Diff(stored.Model, edited);
            if (changes.Count == 0)
            {
                return new LocalEditResult<TModel>(LocalEditStatus.Unchanged, stored, changes);
            }

            var batch = new ModelBatch<TModel>()
                .Add(ModelWrite.Update(stored, id, edited, stored.SyncState))
                .Add(new ModelHistoryEntry(id, _time.GetUtcNow(), ModelChangeKind.LocalEdit, null, null, HistoryFieldChange.From(changes)));
            try
            {
                try
                {
                    await Store.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await NotifyAsync().ConfigureAwait(false);
                }

                return new LocalEditResult<TModel>(
                    LocalEditStatus.Updated, stored with { Model = edited, Version = stored.Version + 1 }, changes);
            }
            catch (ModelStoreConflictException) when (attempt < MaxEditAttempts)
            {
                // A sync wrote meanwhile: apply the same edit to the fresh row so neither change is lost.
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<PriceReviewResult<TModel>> ApprovePriceAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => DecidePriceAsync(id, approve: true, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PriceReviewResult<TModel>> RejectPriceAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => DecidePriceAsync(id, approve: false, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => Store.GetHistoryAsync(id, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<int> DeleteProviderAsync(string providerId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Store.DeleteProviderAsync(providerId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await NotifyAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _singleFlight.Dispose();

    private async ValueTask<PriceReviewResult<TModel>> DecidePriceAsync(UnifiedModelId id, bool approve, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var stored = await Store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new PriceReviewResult<TModel>(PriceReviewOutcome.NotFound, null, null, []);
            }

            if (stored.SyncState.PriceReview is not { Status: PriceReviewStatus.Pending } review || stored.Model is not IPricedModel)
            {
                return new PriceReviewResult<TModel>(PriceReviewOutcome.NothingPending, stored, null, []);
            }

            var decided = Merger.Clone(stored.Model);
            IReadOnlyList<FieldChange> changes = [];
            PriceReview? kept;
            if (approve)
            {
                ((IPricedModel)decided).Prices = review.Proposed;
                if (review.ActivatesOnApproval && decided is IModelAvailability availability)
                {
                    availability.IsActive = true;
                }

                changes = [.. Merger.Diff(stored.Model, decided).Select(c => c with { Decision = FieldDecision.Applied })];
                kept = null;
            }
            else
            {
                kept = review with { Status = PriceReviewStatus.Rejected };
            }

            var state = stored.SyncState with { PriceReview = kept };
            var batch = new ModelBatch<TModel>()
                .Add(ModelWrite.Update(stored, id, decided, state))
                .Add(new ModelHistoryEntry(
                    id, _time.GetUtcNow(), approve ? ModelChangeKind.PriceApproved : ModelChangeKind.PriceRejected,
                    review.SourceName, review.SourceVersion, HistoryFieldChange.From(changes)));
            try
            {
                try
                {
                    await Store.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await NotifyAsync().ConfigureAwait(false);
                }

                return new PriceReviewResult<TModel>(
                    approve ? PriceReviewOutcome.Approved : PriceReviewOutcome.Rejected,
                    stored with { Model = decided, SyncState = state, Version = stored.Version + 1 },
                    approve ? review : kept,
                    changes);
            }
            catch (ModelStoreConflictException) when (attempt < MaxEditAttempts)
            {
                // A sync wrote meanwhile: decide again on the fresh row (the review may have changed or gone).
            }
        }
    }

    // Not cancelled with the caller: once the store may have changed, the observers must catch up.
    private async ValueTask NotifyAsync()
    {
        foreach (var observer in _observers)
        {
            await observer.OnCatalogChangedAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
