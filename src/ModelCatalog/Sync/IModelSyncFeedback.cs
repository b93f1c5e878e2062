namespace ModelCatalog.Sync;

/// <summary>
/// Implemented by an <see cref="IModelSource{TModel}"/> that needs to know how the sync of its snapshot ended: an HTTP
/// source keeps its validators (ETag, Last-Modified) only once the data they stand for is in the store, so a failed
/// write is never answered by <c>304 Not Modified</c> later; a health check reads the last success and error.
/// <see cref="IModelCatalog{TModel}.SyncAsync(IModelSource{TModel}, SyncOptions?, CancellationToken)"/> calls it.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelSyncFeedback<TModel>
    where TModel : class
{
    /// <summary>The snapshot fetched from the source was synced (written, or decided for a dry run).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="report">The sync's report (see <see cref="SyncReport.DryRun"/>).</param>
    void OnSynced(ModelSnapshot<TModel> snapshot, SyncReport report);

    /// <summary>Fetching from the source or syncing its snapshot failed; nothing of this run was written.</summary>
    /// <param name="exception">The failure.</param>
    void OnFailed(Exception exception);
}
