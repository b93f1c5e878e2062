namespace ModelCatalog.Sync;

/// <summary>Everything one sync run decided: counts, per-model field changes, rejections.</summary>
public sealed record SyncReport
{
    /// <summary>The source's name.</summary>
    public required string SourceName { get; init; }

    /// <summary>The source's version label.</summary>
    public string? SourceVersion { get; init; }

    /// <summary>The update mode used.</summary>
    public UpdateMode Mode { get; init; }

    /// <summary><see langword="true"/> when nothing was written.</summary>
    public bool DryRun { get; init; }

    /// <summary>When the run decided (the time recorded in sync state and history).</summary>
    public DateTimeOffset SyncedAt { get; init; }

    /// <summary>
    /// When the source fetched the data (<see cref="ModelSnapshot{TModel}.FetchedAt"/>): with <see cref="SyncedAt"/> it
    /// tells how old the applied data was, which a cached or conditional fetch can make much older than the run.
    /// </summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>How many times the batch was decided; more than 1 when concurrent writers forced a redo.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Per model, in unified ID order: every model that was created, updated, skipped, unchanged or missing.</summary>
    public IReadOnlyList<ModelSyncResult> Models { get; init; } = [];

    /// <summary>Official entries that were not applied, and why.</summary>
    public IReadOnlyList<SyncRejection> Rejections { get; init; } = [];

    /// <summary>Entries that name a model another entry already names (one of each was applied); not rejections.</summary>
    public IReadOnlyList<SyncAlias> Aliases { get; init; } = [];

    /// <summary><see langword="true"/> when the source had not changed since the last sync: nothing was read from the store or written.</summary>
    public bool NotModified { get; init; }

    /// <summary>Why missing models were not removed (the removal guard refused), or <see langword="null"/>.</summary>
    public string? RemovalRefusedReason { get; init; }

    /// <summary>Models created.</summary>
    public int Created => Count(ModelSyncOutcome.Created);

    /// <summary>Models with at least one field written.</summary>
    public int Updated => Count(ModelSyncOutcome.Updated);

    /// <summary>Models with nothing to write.</summary>
    public int Unchanged => Count(ModelSyncOutcome.Unchanged);

    /// <summary>Existing models left untouched by Skip mode.</summary>
    public int Skipped => Count(ModelSyncOutcome.Skipped);

    /// <summary>Alias entries (not counted as rejections).</summary>
    public int AliasCount => Aliases.Count;

    /// <summary>Models left to the other source that owns them.</summary>
    public int OwnedByOtherSource => Count(ModelSyncOutcome.OwnedByOtherSource);

    /// <summary>Entries rejected.</summary>
    public int Rejected => Rejections.Count;

    /// <summary>Models of the source no longer listed by it (kept, deactivated or removed).</summary>
    public int MissingUpstream => Count(ModelSyncOutcome.MissingUpstream) + Deactivated + Removed;

    /// <summary>Missing models deactivated.</summary>
    public int Deactivated => Count(ModelSyncOutcome.Deactivated);

    /// <summary>Models whose price change this run held for review (<see cref="ModelSyncResult.HeldForReview"/>).</summary>
    public int HeldForReview => Models.Count(m => m.HeldForReview is not null);

    /// <summary>Missing models deleted.</summary>
    public int Removed => Count(ModelSyncOutcome.Removed);

    /// <summary>How many model writes the run made (or, dry, would make), baseline-only and missing marks included.</summary>
    public int Writes { get; init; }

    /// <summary><see langword="true"/> when the run wrote (or, dry, would write) anything.</summary>
    public bool HasChanges => Writes > 0;

    private int Count(ModelSyncOutcome outcome) => Models.Count(m => m.Outcome == outcome);
}
