namespace ModelCatalog.Sync;

/// <summary>What a sync did to one model.</summary>
public enum ModelSyncOutcome
{
    /// <summary>Created from the official record.</summary>
    Created = 0,

    /// <summary>At least one field was written.</summary>
    Updated = 1,

    /// <summary>Nothing to write (kept values may still be reported).</summary>
    Unchanged = 2,

    /// <summary>Existing model left untouched by <see cref="UpdateMode.Skip"/>.</summary>
    Skipped = 3,

    /// <summary>No longer in the source; kept and marked.</summary>
    MissingUpstream = 4,

    /// <summary>No longer in the source; deactivated.</summary>
    Deactivated = 5,

    /// <summary>No longer in the source; deleted.</summary>
    Removed = 6,

    /// <summary>
    /// Left untouched: another source owns the model (set <see cref="SyncOptions.TakeOverFromOtherSources"/> to take it over).
    /// </summary>
    OwnedByOtherSource = 7,
}
