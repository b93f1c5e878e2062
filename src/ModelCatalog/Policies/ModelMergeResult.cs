namespace ModelCatalog;

/// <summary>The outcome of <see cref="IModelMerger{TModel}.Merge"/>.</summary>
/// <param name="Changes">
/// Field outcomes worth reporting: every written field, and every official value that was not taken (kept local, kept
/// customised). Empty (a shared empty list) when the official record matches the stored model.
/// </param>
/// <param name="ModelChanged"><see langword="true"/> when at least one stored field was written.</param>
/// <param name="Baseline">The baseline to record after the merge (the same instance when unchanged).</param>
/// <param name="BaselineChanged"><see langword="true"/> when <paramref name="Baseline"/> differs from the one passed in.</param>
public readonly record struct ModelMergeResult(
    IReadOnlyList<FieldChange> Changes,
    bool ModelChanged,
    ModelBaseline? Baseline,
    bool BaselineChanged)
{
    /// <summary><see langword="true"/> when neither the model nor its baseline needs writing.</summary>
    public bool IsNoOp => !ModelChanged && !BaselineChanged;
}
