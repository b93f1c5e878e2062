namespace ModelCatalog.Sources;

/// <summary>How the syncs of one source have gone so far (what its health check reports).</summary>
/// <param name="LastSuccessAt">When a sync of the source last succeeded, or <see langword="null"/> when none has.</param>
/// <param name="LastAttemptAt">When a sync was last attempted, or <see langword="null"/> when none was.</param>
/// <param name="LastError">The last failure's message, or <see langword="null"/> when the last attempt succeeded.</param>
/// <param name="LastVersion">The source version last synced.</param>
/// <param name="ConsecutiveFailures">How many attempts in a row failed.</param>
public sealed record ModelSourceStatus(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastAttemptAt, string? LastError, string? LastVersion, int ConsecutiveFailures)
{
    /// <summary>No sync attempted yet.</summary>
    public static ModelSourceStatus None { get; } = new(null, null, null, null, 0);
}
