namespace ModelCatalog;

/// <summary>
/// Applies official data to a stored model field by field, following each field's <see cref="FieldPolicy"/> and the
/// <see cref="UpdateMode"/>. Implementations are generated at compile time (no reflection); obtain one through
/// <see cref="ICatalogModel{TSelf}.Merger"/>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelMerger<TModel>
    where TModel : class
{
    /// <summary>The policy fields, in declaration order (base type first).</summary>
    IReadOnlyList<ModelFieldInfo> Fields { get; }

    /// <summary>Reads the key.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Its unified ID.</returns>
    UnifiedModelId GetId(TModel model);

    /// <summary>Writes the key.</summary>
    /// <param name="model">The model.</param>
    /// <param name="id">The unified ID.</param>
    void SetId(TModel model, UnifiedModelId id);

    /// <summary>Copies every key and policy field into a new instance (JSON values and collections are copied deeply).</summary>
    /// <param name="model">The source.</param>
    /// <returns>An independent copy.</returns>
    TModel Clone(TModel model);

    /// <summary>Copies every key and policy field of <paramref name="source"/> onto <paramref name="target"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="target">The target, mutated.</param>
    void CopyTo(TModel source, TModel target);

    /// <summary>Value equality over the key and every policy field, with each field's comparer.</summary>
    /// <param name="left">One model.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    bool ContentEquals(TModel left, TModel right);

    /// <summary>
    /// Merges <paramref name="official"/> into <paramref name="target"/> in place. Allocates nothing when nothing
    /// changes and the baseline is already current.
    /// </summary>
    /// <param name="target">The stored model, mutated unless <paramref name="mode"/> is <see cref="UpdateMode.Skip"/>.</param>
    /// <param name="official">The incoming official record; never mutated.</param>
    /// <param name="baseline">The last official values synced for this model, or <see langword="null"/> when none was recorded.</param>
    /// <param name="mode">The update mode.</param>
    /// <returns>The field changes, whether the model changed, and the baseline to record.</returns>
    ModelMergeResult Merge(TModel target, TModel official, ModelBaseline? baseline, UpdateMode mode);

    /// <summary>Records the official values of the fields that need a baseline (the conditional fields).</summary>
    /// <param name="official">The official record.</param>
    /// <returns>The baseline to store beside a model created from <paramref name="official"/>.</returns>
    ModelBaseline CaptureBaseline(TModel official);

    /// <summary>Lists the policy fields that differ between two versions of a model, as <see cref="FieldDecision.EditedLocally"/> changes.</summary>
    /// <param name="before">The stored version.</param>
    /// <param name="after">The edited version.</param>
    /// <returns>One change per differing field; empty when equal.</returns>
    IReadOnlyList<FieldChange> Diff(TModel before, TModel after);
}
