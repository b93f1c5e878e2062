using ModelCatalog.Sync;

namespace ModelCatalog;

/// <summary>Configures a catalog: sync defaults, start-up sync and periodic background sync. Validated at start-up.</summary>
public sealed class ModelCatalogOptions
{
    /// <summary>The update mode of syncs that do not name one. <see cref="UpdateMode.Smart"/> by default.</summary>
    public UpdateMode DefaultMode { get; set; } = UpdateMode.Smart;

    /// <summary>What syncs do with models their source no longer lists. Kept by default.</summary>
    public MissingModelPolicy MissingModels { get; set; } = MissingModelPolicy.Keep;

    /// <summary>The largest share (0–1) of a source's models one run may remove or deactivate. 0.2 by default.</summary>
    public double MaxRemovalShare { get; set; } = 0.2;

    /// <summary>Sync every registered source when the host starts (as the original system did in its init step).</summary>
    public bool SyncOnStartup { get; set; }

    /// <summary>Sync every registered source at this interval in the background; <see langword="null"/> (the default) for never.</summary>
    public TimeSpan? SyncInterval { get; set; }

    /// <summary>Up to this much random delay is added to each interval so replicas do not sync in lockstep. 0 by default.</summary>
    public TimeSpan SyncJitter { get; set; }

    /// <summary>How long a failed background sync waits before it is retried. 1 minute by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The price guardrails of syncs that do not name options; <see langword="null"/> (the default) for none.</summary>
    public PriceGuardrails? PriceGuardrails { get; set; }

    internal SyncOptions ToSyncOptions() => new() { Mode = DefaultMode, MissingModels = MissingModels, MaxRemovalShare = MaxRemovalShare, PriceGuardrails = PriceGuardrails };
}
