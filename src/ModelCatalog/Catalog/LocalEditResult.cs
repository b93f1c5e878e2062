using ModelCatalog.Storage;

namespace ModelCatalog;

/// <summary>The outcome of <see cref="IModelCatalog{TModel}.EditAsync"/>.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Status">Updated, unchanged or not found.</param>
/// <param name="Model">The stored model after the edit, or <see langword="null"/> when not found.</param>
/// <param name="Changes">The fields the edit changed.</param>
public sealed record LocalEditResult<TModel>(LocalEditStatus Status, StoredModel<TModel>? Model, IReadOnlyList<FieldChange> Changes)
    where TModel : class;
