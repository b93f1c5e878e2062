namespace ModelCatalog.Sync;

/// <summary>An official entry that a sync did not apply, and why.</summary>
/// <param name="Index">The entry's position in the source, when known.</param>
/// <param name="Key">The entry's ID or source key as written upstream, when known.</param>
/// <param name="Reason">A sentence naming the problem.</param>
public sealed record SyncRejection(int? Index, string? Key, string Reason);
