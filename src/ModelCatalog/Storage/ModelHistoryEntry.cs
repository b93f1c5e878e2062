namespace ModelCatalog.Storage;

/// <summary>One append-only history record: what happened to a model, when, by which source or edit, field by field.</summary>
/// <param name="ModelId">The model's unified ID.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="SourceName">The sync source, for sync entries.</param>
/// <param name="SourceVersion">The source version, for sync entries.</param>
/// <param name="Changes">The field changes, with values as JSON text so every store persists them the same way.</param>
public sealed record ModelHistoryEntry(
    UnifiedModelId ModelId,
    DateTimeOffset At,
    ModelChangeKind Kind,
    string? SourceName,
    string? SourceVersion,
    IReadOnlyList<HistoryFieldChange> Changes)
{
    /// <summary>The position in the store's history, assigned when stored (0 before).</summary>
    public long Sequence { get; init; }
}
