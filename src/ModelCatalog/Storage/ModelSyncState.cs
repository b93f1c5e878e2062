namespace ModelCatalog.Storage;

/// <summary>
/// What syncs recorded for one model. It changes only when a sync writes the model or its baseline, so a sync that
/// finds nothing new writes nothing: <see cref="LastSyncedAt"/> is the last time a sync changed this model.
/// </summary>
/// <param name="Baseline">The last official values synced for the conditional fields; <see langword="null"/> for rows that predate the library or were created locally.</param>
/// <param name="LastSyncedAt">When a sync last wrote this model or its baseline.</param>
/// <param name="SourceName">The source that owns this model (the last source that synced it).</param>
/// <param name="SourceVersion">The source version of that sync.</param>
/// <param name="MissingUpstreamSince">When a sync first noticed the model was no longer in its source; <see langword="null"/> while it is.</param>
public sealed record ModelSyncState(
    ModelBaseline? Baseline,
    DateTimeOffset? LastSyncedAt,
    string? SourceName,
    string? SourceVersion,
    DateTimeOffset? MissingUpstreamSince)
{
    /// <summary>
    /// A price change held for review (pending) or rejected, or <see langword="null"/>. Kept through local edits and
    /// syncs that leave the prices alone; cleared when prices are applied.
    /// </summary>
    public PriceReview? PriceReview { get; init; }

    /// <summary>The state of a model that no sync has touched.</summary>
    public static ModelSyncState None { get; } = new(null, null, null, null, null);
}
