using ModelCatalog.Storage;

namespace ModelCatalog.ReadModel;

/// <summary>Every model of a store with the change marker of that view (<see cref="IModelChangeFeed{TModel}.LoadAllAsync"/>).</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Models">The models, in any order.</param>
/// <param name="Marker">The change marker the models correspond to.</param>
public sealed record ModelStoreContents<TModel>(IReadOnlyList<StoredModel<TModel>> Models, long Marker)
    where TModel : class;
