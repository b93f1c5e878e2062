namespace ModelCatalog.ReadModel;

/// <summary>
/// Implemented by stores that can tell a read model cheaply whether, and what, changed: a change marker (a number that
/// grows with every applied write), a consistent full load, and the models changed since a marker. The in-memory and
/// EF Core stores implement it; a store that does not is reloaded in full after every in-process change and is not
/// polled.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelChangeFeed<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>
    /// Whether other processes can write the same data (a shared database), so a read model should poll the marker.
    /// <see langword="false"/> for the in-memory store.
    /// </summary>
    bool IsShared { get; }

    /// <summary>Reads the current change marker; equal markers mean nothing changed in between. Reads one row.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The marker.</returns>
    ValueTask<long> GetChangeMarkerAsync(CancellationToken cancellationToken = default);

    /// <summary>Loads every model and the marker they correspond to, from one consistent view of the store.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contents.</returns>
    ValueTask<ModelStoreContents<TModel>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads what changed after <paramref name="marker"/>: the current rows of changed models and the IDs of removed
    /// ones, from one consistent view, with the marker they bring the reader to.
    /// </summary>
    /// <param name="marker">The marker the reader is at.</param>
    /// <param name="maxChanges">Above this many changed models the feed may give up (a full load is then cheaper).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes, or <see langword="null"/> when the feed cannot tell them (too many, or the marker is unknown): load everything.</returns>
    ValueTask<ModelChangeSet<TModel>?> GetChangesSinceAsync(long marker, int maxChanges, CancellationToken cancellationToken = default);
}
