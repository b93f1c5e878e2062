namespace ModelCatalog.ReadModel;

/// <summary>Configures the catalog's read model. Validated at start-up.</summary>
public sealed class ModelReadModelOptions
{
    /// <summary>The default <see cref="PollInterval"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the store's change marker is read to see other processes' writes (stores shared across processes only,
    /// such as a database; a poll that finds nothing changed reads one row). <see cref="DefaultPollInterval"/> by default.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>
    /// Above this many changed models a refresh reloads the whole catalog instead of reading the changes one by one.
    /// 500 by default.
    /// </summary>
    public int MaxIncrementalChanges { get; set; } = 500;

    /// <summary>
    /// The health check reports Degraded when the snapshot was last confirmed current longer ago than this, and
    /// Unhealthy past twice this. 30 seconds by default.
    /// </summary>
    public TimeSpan MaxSnapshotAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed refresh waits before the next attempt. 1 second by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
