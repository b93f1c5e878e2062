namespace ModelCatalog.Sync;

/// <summary>How one sync run behaves.</summary>
public sealed record SyncOptions
{
    /// <summary>The update mode for existing models; <see cref="UpdateMode.Smart"/> by default.</summary>
    public UpdateMode Mode { get; init; } = UpdateMode.Smart;

    /// <summary>Decide and report everything, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>What to do with models of the source that the snapshot no longer lists; kept by default.</summary>
    public MissingModelPolicy MissingModels { get; init; } = MissingModelPolicy.Keep;

    /// <summary>
    /// The largest share (0–1) of a source's models that one run may deactivate or delete; a run that would remove
    /// more removes nothing and says so. 0.2 by default. An empty snapshot never removes anything.
    /// </summary>
    public double MaxRemovalShare { get; init; } = 0.2;

    /// <summary>
    /// Take over models another source owns when this snapshot lists them. Off by default: such models are left to
    /// their source and reported as <see cref="ModelSyncOutcome.OwnedByOtherSource"/>, so two sources listing one ID
    /// neither swap it back and forth nor delete what the other still lists. Models no source owns (created locally,
    /// or rows that predate the library) are always adopted.
    /// </summary>
    public bool TakeOverFromOtherSources { get; init; }

    /// <summary>
    /// Hold suspicious price changes for review instead of applying them; <see langword="null"/> (the default) applies
    /// every price as the source states it. See <see cref="Sync.PriceGuardrails"/>.
    /// </summary>
    public PriceGuardrails? PriceGuardrails { get; init; }
}
