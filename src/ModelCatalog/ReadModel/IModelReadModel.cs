namespace ModelCatalog.ReadModel;

/// <summary>
/// The catalog as hot readers see it: an immutable <see cref="CatalogSnapshot{TModel}"/>, loaded at start-up, refreshed
/// after every change the catalog makes in this process and, from other processes, by polling the store's change
/// marker (or a notification such as PostgreSQL's <c>LISTEN/NOTIFY</c>). Registered by <c>AddModelCatalogReadModel()</c>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelReadModel<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>The current snapshot, or <see langword="null"/> before the first load. Reading it never blocks.</summary>
    CatalogSnapshot<TModel>? Current { get; }

    /// <summary>The current snapshot, loading it first if nothing has been loaded yet.</summary>
    /// <param name="cancellationToken">Cancels the first load.</param>
    /// <returns>The snapshot; completes synchronously once loaded.</returns>
    ValueTask<CatalogSnapshot<TModel>> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Brings the snapshot up to date with the store: the changes since the last refresh, or a full load.</summary>
    /// <param name="cancellationToken">Cancels the refresh; the current snapshot stays.</param>
    /// <returns>The snapshot after the refresh.</returns>
    /// <exception cref="Exception">The store failed; the current snapshot stays and the error is recorded.</exception>
    ValueTask<CatalogSnapshot<TModel>> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>Reloads the whole catalog from the store, whatever the change marker says.</summary>
    /// <param name="cancellationToken">Cancels the reload; the current snapshot stays.</param>
    /// <returns>The new snapshot.</returns>
    ValueTask<CatalogSnapshot<TModel>> ReloadAsync(CancellationToken cancellationToken = default);

    /// <summary>How current the snapshot is: last confirmation, refresh counts, the last error.</summary>
    ModelReadModelStatus Status { get; }

    /// <summary>Raised after a new snapshot is published (on the thread that refreshed; keep handlers short).</summary>
    event Action<CatalogSnapshot<TModel>>? SnapshotChanged;
}
