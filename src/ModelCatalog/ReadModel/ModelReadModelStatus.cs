namespace ModelCatalog.ReadModel;

/// <summary>How current a read model is, for health checks and diagnostics.</summary>
/// <param name="Generation">The current snapshot's generation; 0 before the first load.</param>
/// <param name="ConfirmedAt">When a refresh last confirmed the snapshot current (loaded, changed or not); <see langword="null"/> before the first load.</param>
/// <param name="Refreshes">How many refreshes succeeded.</param>
/// <param name="Failures">How many refreshes failed.</param>
/// <param name="LastError">The last refresh's failure, or <see langword="null"/> when the last refresh succeeded.</param>
public sealed record ModelReadModelStatus(long Generation, DateTimeOffset? ConfirmedAt, long Refreshes, long Failures, Exception? LastError)
{
    /// <summary>How old the snapshot is: the time since it was last confirmed current.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The age, or <see langword="null"/> before the first load.</returns>
    public TimeSpan? AgeAt(DateTimeOffset now) => ConfirmedAt is { } at ? now - at : null;
}
