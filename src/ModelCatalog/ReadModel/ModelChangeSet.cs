using ModelCatalog.Storage;

namespace ModelCatalog.ReadModel;

/// <summary>What changed in a store between two change markers (<see cref="IModelChangeFeed{TModel}.GetChangesSinceAsync"/>).</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Changed">The current rows of models created or updated since the old marker.</param>
/// <param name="Removed">The IDs of models deleted since the old marker.</param>
/// <param name="Marker">The marker these changes bring a reader to.</param>
public sealed record ModelChangeSet<TModel>(IReadOnlyList<StoredModel<TModel>> Changed, IReadOnlyList<UnifiedModelId> Removed, long Marker)
    where TModel : class
{
    /// <summary><see langword="true"/> when nothing changed.</summary>
    public bool IsEmpty => Changed.Count == 0 && Removed.Count == 0;
}
