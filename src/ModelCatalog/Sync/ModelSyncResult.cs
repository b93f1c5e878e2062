namespace ModelCatalog.Sync;

/// <summary>One model's line in a <see cref="SyncReport"/>.</summary>
/// <param name="Id">The model.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Changes">The field changes (written and kept values); empty when none.</param>
public sealed record ModelSyncResult(UnifiedModelId Id, ModelSyncOutcome Outcome, IReadOnlyList<FieldChange> Changes);
