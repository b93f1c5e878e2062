namespace ModelCatalog.Sync;

/// <summary>An official entry that a sync did not apply, and why.</summary>
/// <param name="Index">The entry's position in the source, when known.</param>
/// <param name="Key">The entry's ID or source key as written upstream, when known.</param>
/// <param name="Reason">A sentence naming the problem.</param>
public sealed record SyncRejection(int? Index, string? Key, string Reason)
{
    /// <summary>
    /// The unified ID the entry stands for, when it can be told (the record was malformed, its ID was not); the "no ID"
    /// value otherwise. A rejection with a known ID protects only that model from removal; a rejection whose ID cannot
    /// be told could stand for any model, so it blocks removing or deactivating missing models for the whole run.
    /// </summary>
    public UnifiedModelId Id { get; init; }
}
