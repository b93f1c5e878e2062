namespace ModelCatalog.Sync;

/// <summary>One model's line in a <see cref="SyncReport"/>.</summary>
/// <param name="Id">The model.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Changes">The field changes (written and kept values); empty when none.</param>
public sealed record ModelSyncResult(UnifiedModelId Id, ModelSyncOutcome Outcome, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>
    /// Why this run held the model's price change for review, or <see langword="null"/>. The outcome still says what
    /// was written: a held model keeps its prices, while its other fields may have been updated.
    /// </summary>
    public string? HeldForReview { get; init; }
}
