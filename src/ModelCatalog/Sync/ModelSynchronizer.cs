using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelCatalog.Diagnostics;
using ModelCatalog.Storage;

namespace ModelCatalog.Sync;

/// <summary>
/// Applies an official snapshot to a store in one atomic batch: validates every entry, loads what exists in one call,
/// merges with the generated merger, records sync state and history, and redoes the merge on fresh rows when a
/// concurrent writer got there first.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class ModelSynchronizer<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>How many times a run decides its batch before it gives up on concurrent writers.</summary>
    public const int MaxAttempts = 8;

    private static readonly IModelMerger<TModel> Merger = TModel.Merger;

    private readonly IModelStore<TModel> _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<TModel>? _initializeNewModel;

    /// <summary>Creates a synchronizer.</summary>
    /// <param name="store">The store to write.</param>
    /// <param name="timeProvider">The clock for sync state and history.</param>
    /// <param name="logger">Where log lines go.</param>
    /// <param name="initializeNewModel">Sets initial local values on models a sync creates (for example "start hidden").</param>
    public ModelSynchronizer(IModelStore<TModel> store, TimeProvider? timeProvider = null, ILogger? logger = null, Action<TModel>? initializeNewModel = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _initializeNewModel = initializeNewModel;
    }

    /// <summary>Syncs <paramref name="snapshot"/> into the store.</summary>
    /// <param name="snapshot">The official data.</param>
    /// <param name="options">Mode, dry run, removal policy; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run; a cancelled run writes nothing.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ModelStoreConflictException">Concurrent writers conflicted <see cref="MaxAttempts"/> times in a row.</exception>
    public async ValueTask<SyncReport> SyncAsync(ModelSnapshot<TModel> snapshot, SyncOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new SyncOptions();
        options.PriceGuardrails?.Validate();
        if (options.MaxRemovalShare is < 0 or > 1 || double.IsNaN(options.MaxRemovalShare))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRemovalShare, "MaxRemovalShare must be between 0 and 1.");
        }

        using var activity = ModelCatalogDiagnostics.ActivitySource.StartActivity("ModelCatalog.Sync");
        activity?.SetTag("modelcatalog.source", snapshot.SourceName);
        activity?.SetTag("modelcatalog.source_version", snapshot.Version);
        activity?.SetTag("modelcatalog.mode", options.Mode.ToString());
        long started = Stopwatch.GetTimestamp();

        if (snapshot.NotModified)
        {
            // The source said nothing changed since the snapshot it served last: nothing to read, nothing to write.
            var unchanged = new SyncReport
            {
                SourceName = snapshot.SourceName,
                SourceVersion = snapshot.Version,
                Mode = options.Mode,
                DryRun = options.DryRun,
                SyncedAt = _time.GetUtcNow(),
                NotModified = true,
            };
            return Finish(unchanged, activity, started, snapshot.SourceName, options.DryRun);
        }

        var (accepted, rejections) = Validate(snapshot);
        foreach (var rejection in rejections)
        {
            SyncLog.Rejected(_logger, rejection.Key, rejection.Index, snapshot.SourceName, rejection.Reason);
        }

        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Stryker disable once Boolean : ConfigureAwait(true) only changes which thread resumes, and nothing a run decides, writes or reports depends on it.
            var plan = await DecideAsync(snapshot, accepted, rejections, options, cancellationToken).ConfigureAwait(false);
            var report = plan.Report with { Rejections = rejections, Aliases = snapshot.Aliases, Attempts = attempt };
            if (options.DryRun || plan.Batch.IsEmpty)
            {
                return Finish(report, activity, started, snapshot.SourceName, options.DryRun);
            }

            try
            {
                // Stryker disable once Boolean : ConfigureAwait(true) only changes which thread resumes, and nothing a run decides, writes or reports depends on it.
                await _store.ApplyAsync(plan.Batch, cancellationToken).ConfigureAwait(false);
                return Finish(report, activity, started, snapshot.SourceName, dryRun: false);
            }
            catch (ModelStoreConflictException exception) when (attempt < MaxAttempts)
            {
                // An admin edit or another replica wrote between our read and our write: nothing of ours was
                // applied, so read again and redo every decision on the fresh rows.
                SyncLog.Conflict(_logger, snapshot.SourceName, attempt, exception);
                // Real time on purpose: a short jittered pause so competing replicas do not collide again in lockstep.
                // Stryker disable once Boolean,Statement : the pause and the thread it resumes on only spread retries in time, which nothing a run decides, writes or reports depends on.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static (List<(UnifiedModelId Id, TModel Model)> Accepted, List<SyncRejection> Rejections) Validate(ModelSnapshot<TModel> snapshot)
    {
        var rejections = new List<SyncRejection>(snapshot.Rejections);
        var accepted = new List<(UnifiedModelId, TModel)>(snapshot.Models.Count);
        var firstIndex = new Dictionary<UnifiedModelId, int>(snapshot.Models.Count);
        for (int index = 0; index < snapshot.Models.Count; index++)
        {
            var model = snapshot.Models[index];
            if (model is null)
            {
                rejections.Add(new SyncRejection(index, null, "the entry is null"));
                continue;
            }

            var id = Merger.GetId(model);
            if (id.IsEmpty)
            {
                rejections.Add(new SyncRejection(index, null, "the entry has no unified model ID"));
                continue;
            }

            if (model is CatalogModel { Config: { } config } && !CatalogJson.TryValidate(config, out string? problem))
            {
                rejections.Add(new SyncRejection(index, id.ToString(), $"its config {problem}"));
                continue;
            }

            if (!firstIndex.TryAdd(id, index))
            {
                rejections.Add(new SyncRejection(index, id.ToString(), $"duplicate ID: entry {index} repeats entry {firstIndex[id]}, which is the one applied") { Id = id });
                continue;
            }

            accepted.Add((id, model));
        }

        return (accepted, rejections);
    }

    private async ValueTask<SyncPlan> DecideAsync(
        ModelSnapshot<TModel> snapshot,
        List<(UnifiedModelId Id, TModel Model)> accepted,
        List<SyncRejection> rejections,
        SyncOptions options,
        CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var ids = new HashSet<UnifiedModelId>(accepted.Count);
        foreach (var (id, _) in accepted)
        {
            ids.Add(id);
        }

        // One read of the source's own models serves both the merge and the missing-upstream check; only IDs the
        // source does not own yet (new models, or models another source synced) are looked up on top.
        // Stryker disable once Boolean : ConfigureAwait(true) only changes which thread resumes, and nothing a run decides, writes or reports depends on it.
        var owned = await ListOwnedAsync(snapshot.SourceName, cancellationToken).ConfigureAwait(false);
        var others = new List<UnifiedModelId>();
        foreach (var id in ids)
        {
            if (!owned.ContainsKey(id))
            {
                others.Add(id);
            }
        }

        var existing = new Dictionary<UnifiedModelId, StoredModel<TModel>>(owned);
        if (others.Count > 0)
        {
            // Stryker disable once Boolean : ConfigureAwait(true) only changes which thread resumes, and nothing a run decides, writes or reports depends on it.
            foreach (var (id, stored) in await _store.FindManyAsync(others, cancellationToken).ConfigureAwait(false))
            {
                existing[id] = stored;
            }
        }

        var batch = new ModelBatch<TModel>();
        var results = new List<ModelSyncResult>(accepted.Count);
        int writes = 0;

        foreach (var (id, official) in accepted)
        {
            if (!existing.TryGetValue(id, out var stored))
            {
                var created = Merger.Clone(official);
                _initializeNewModel?.Invoke(created);
                var heldNew = PriceGate.ForNew(options.PriceGuardrails, created, now, snapshot);
                var state = new ModelSyncState(Merger.CaptureBaseline(official), now, snapshot.SourceName, snapshot.Version, null) { PriceReview = heldNew };
                batch.Add(ModelWrite.Create(Guid.CreateVersion7(now), id, created, state));
                batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.Created, snapshot.SourceName, snapshot.Version, []));
                if (heldNew is not null)
                {
                    batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.PriceHeld, snapshot.SourceName, snapshot.Version, []));
                }

                results.Add(new ModelSyncResult(id, ModelSyncOutcome.Created, []) { HeldForReview = heldNew?.Reason });
                writes++;
                continue;
            }

            if (options.Mode == UpdateMode.Skip)
            {
                results.Add(new ModelSyncResult(id, ModelSyncOutcome.Skipped, []));
                continue;
            }

            // A model another source owns is left to that source unless this run takes it over: two sources
            // listing one ID would otherwise swap it back and forth, and one could delete what the other still lists.
            if (stored.SyncState.SourceName is { } owner
                && !string.Equals(owner, snapshot.SourceName, StringComparison.Ordinal)
                && !options.TakeOverFromOtherSources)
            {
                results.Add(new ModelSyncResult(id, ModelSyncOutcome.OwnedByOtherSource, []));
                continue;
            }

            // Stores hand out copies, so merging into the one we read cannot leak into the store.
            var target = stored.Model;
            var gate = PriceGate.ForExisting(options.PriceGuardrails, target, official, stored.SyncState.PriceReview, now, snapshot);
            bool newlyHeld = gate.HeldReason is not null && gate.Review != stored.SyncState.PriceReview;
            var heldChanges = newlyHeld ? HeldChanges(target, official) : [];
            var merge = Merger.Merge(target, gate.Official, stored.SyncState.Baseline, options.Mode);
            bool stateChanged = merge.BaselineChanged
                || stored.SyncState.MissingUpstreamSince is not null
                || !string.Equals(stored.SyncState.SourceName, snapshot.SourceName, StringComparison.Ordinal)
                || gate.Review != stored.SyncState.PriceReview;
            var outcome = merge.ModelChanged ? ModelSyncOutcome.Updated : ModelSyncOutcome.Unchanged;
            results.Add(new ModelSyncResult(id, outcome, merge.Changes) { HeldForReview = gate.HeldReason });
            if (!merge.ModelChanged && !stateChanged)
            {
                continue;
            }

            var newState = new ModelSyncState(merge.Baseline, now, snapshot.SourceName, snapshot.Version, null) { PriceReview = gate.Review };
            batch.Add(ModelWrite.Update(stored, id, target, newState));
            if (merge.ModelChanged || merge.Changes.Count > 0 || !newlyHeld)
            {
                batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.Synced, snapshot.SourceName, snapshot.Version, HistoryFieldChange.From(merge.Changes)));
            }

            if (newlyHeld)
            {
                batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.PriceHeld, snapshot.SourceName, snapshot.Version, heldChanges));
            }

            writes++;
        }

        string? refused = null;
        if (options.Mode != UpdateMode.Skip)
        {
            (writes, refused) = DecideMissing(snapshot, ids, owned, rejections, options, now, batch, results, writes);
        }

        results.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var report = new SyncReport
        {
            SourceName = snapshot.SourceName,
            SourceVersion = snapshot.Version,
            Mode = options.Mode,
            DryRun = options.DryRun,
            SyncedAt = now,
            FetchedAt = snapshot.FetchedAt,
            Models = results,
            Writes = writes,
            RemovalRefusedReason = refused,
        };
        return new SyncPlan(batch, report);
    }

    private async ValueTask<Dictionary<UnifiedModelId, StoredModel<TModel>>> ListOwnedAsync(string sourceName, CancellationToken cancellationToken)
    {
        var owned = new Dictionary<UnifiedModelId, StoredModel<TModel>>();
        var query = new ModelQuery { SourceName = sourceName, Limit = ModelQuery.MaxLimit };
        // Stryker disable once Boolean : ConfigureAwait(true) only changes which thread resumes, and nothing a run decides, writes or reports depends on it.
        await foreach (var stored in _store.EnumerateAllAsync(query, cancellationToken).ConfigureAwait(false))
        {
            owned[Merger.GetId(stored.Model)] = stored;
        }

        return owned;
    }

    private (int Writes, string? Refused) DecideMissing(
        ModelSnapshot<TModel> snapshot,
        HashSet<UnifiedModelId> listed,
        Dictionary<UnifiedModelId, StoredModel<TModel>> ownedModels,
        List<SyncRejection> rejections,
        SyncOptions options,
        DateTimeOffset now,
        ModelBatch<TModel> batch,
        List<ModelSyncResult> results,
        int writes)
    {
        // A rejected entry whose ID is known still stands for that model: it is not missing, only not updated. An
        // entry whose ID cannot be told could stand for any model, so it blocks removal for the whole run.
        var protectedIds = new HashSet<UnifiedModelId>();
        int unidentified = 0;
        foreach (var rejection in rejections)
        {
            if (rejection.Id.IsEmpty)
            {
                unidentified++;
            }
            else
            {
                protectedIds.Add(rejection.Id);
            }
        }

        int owned = ownedModels.Count;
        var missing = new List<StoredModel<TModel>>();
        foreach (var (id, stored) in ownedModels)
        {
            if (!listed.Contains(id) && !protectedIds.Contains(id))
            {
                missing.Add(stored);
            }
        }

        var policy = options.MissingModels;
        string? refused = null;
        if (policy != MissingModelPolicy.Keep && missing.Count > 0)
        {
            // Only what this run would change counts against the share: models an earlier run already deactivated
            // (or marked, for Deactivate) are not removed again.
            int removing = policy == MissingModelPolicy.Delete
                ? missing.Count
                : missing.Count(m => m.Model is IModelAvailability { IsActive: true });
            if (listed.Count == 0)
            {
                refused = "the snapshot is empty or has no valid model, so none is removed or deactivated (an upstream outage must not wipe the catalog)";
            }
            else if (unidentified > 0)
            {
                refused = $"{unidentified} rejected entries of the snapshot have no ID that can be told, and a model they stand for would look missing; none was removed or deactivated";
            }
            else if (removing > options.MaxRemovalShare * owned)
            {
                refused = $"{removing} of the source's {owned} models would be removed or deactivated, more than the allowed share of {options.MaxRemovalShare:P0}; none was";
            }
            else if (policy == MissingModelPolicy.Deactivate && !typeof(IModelAvailability).IsAssignableFrom(typeof(TModel)))
            {
                refused = $"{typeof(TModel).Name} does not implement {nameof(IModelAvailability)}, so missing models cannot be deactivated";
            }

            if (refused is not null)
            {
                SyncLog.RemovalRefused(_logger, snapshot.SourceName, refused);
                policy = MissingModelPolicy.Keep;
            }
        }

        foreach (var stored in missing)
        {
            var id = Merger.GetId(stored.Model);
            var state = stored.SyncState.MissingUpstreamSince is null ? stored.SyncState with { MissingUpstreamSince = now } : stored.SyncState;
            switch (policy)
            {
                case MissingModelPolicy.Delete:
                    batch.Add(ModelWrite.Delete(stored, id));
                    batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.Deleted, snapshot.SourceName, snapshot.Version, []));
                    results.Add(new ModelSyncResult(id, ModelSyncOutcome.Removed, []));
                    writes++;
                    break;

                case MissingModelPolicy.Deactivate when stored.Model is IModelAvailability { IsActive: true } availability:
                    var before = Merger.Clone(stored.Model);
                    availability.IsActive = false;
                    var changes = Merger.Diff(before, stored.Model);
                    batch.Add(ModelWrite.Update(stored, id, stored.Model, state));
                    batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.Deactivated, snapshot.SourceName, snapshot.Version, HistoryFieldChange.From(changes)));
                    results.Add(new ModelSyncResult(id, ModelSyncOutcome.Deactivated, changes));
                    writes++;
                    break;

                default:
                    results.Add(new ModelSyncResult(id, ModelSyncOutcome.MissingUpstream, []));
                    if (stored.SyncState.MissingUpstreamSince is null)
                    {
                        // Marked once; later runs that still miss it write nothing.
                        batch.Add(ModelWrite.Update(stored, id, stored.Model, state));
                        batch.Add(new ModelHistoryEntry(id, now, ModelChangeKind.MissingUpstream, snapshot.SourceName, snapshot.Version, []));
                        writes++;
                    }

                    break;
            }
        }

        return (writes, refused);
    }

    private SyncReport Finish(SyncReport report, Activity? activity, long started, string source, bool dryRun)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var tag = new KeyValuePair<string, object?>("source", source);
        if (!dryRun)
        {
            ModelCatalogDiagnostics.Created.Add(report.Created, tag);
            ModelCatalogDiagnostics.Updated.Add(report.Updated, tag);
        }

        ModelCatalogDiagnostics.Rejected.Add(report.Rejected, tag);
        ModelCatalogDiagnostics.Duration.Record(elapsed.TotalSeconds, tag);
        activity?.SetTag("modelcatalog.created", report.Created);
        activity?.SetTag("modelcatalog.updated", report.Updated);
        activity?.SetTag("modelcatalog.rejected", report.Rejected);
        if (!dryRun && _logger.IsEnabled(LogLevel.Information))
        {
            // Logged once the batch is durable: never for dry runs, never twice for a retried attempt.
            foreach (var model in report.Models)
            {
                if (model.Outcome == ModelSyncOutcome.Updated)
                {
                    SyncLog.ModelUpdated(_logger, model.Id, source, DescribeWrites(model.Changes));
                }
            }
        }

        SyncLog.Completed(
            _logger, report.SourceName, report.SourceVersion, report.Mode, dryRun ? ", dry run" : string.Empty,
            report.Created, report.Updated, report.Unchanged, report.Skipped, report.Rejected, report.MissingUpstream, report.Removed);
        return report;
    }

    // The price fields the held proposal would have changed, as history keeps them: stored value, proposed value.
    private static HistoryFieldChange[] HeldChanges(TModel stored, TModel official)
    {
        var proposed = Merger.Clone(stored);
        ((IPricedModel)proposed).Prices = ((IPricedModel)official).Prices;
        var changes = Merger.Diff(stored, proposed);
        var held = new HistoryFieldChange[changes.Count];
        for (int i = 0; i < held.Length; i++)
        {
            held[i] = HistoryFieldChange.From(changes[i] with { Decision = FieldDecision.HeldForReview });
        }

        return held;
    }

    private static string DescribeWrites(IReadOnlyList<FieldChange> changes)
        => string.Join(", ", changes.Where(c => c.IsWrite).Select(c => c.Field));

    private sealed record SyncPlan(ModelBatch<TModel> Batch, SyncReport Report);
}
