using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog;

/// <summary>
/// The catalog a host uses: query it, sync it from official data, edit it locally, read its history. Registered by
/// <c>services.AddModelCatalog()</c>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelCatalog<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>The store behind the catalog.</summary>
    IModelStore<TModel> Store { get; }

    /// <summary>Finds a model by its exact unified ID.</summary>
    /// <param name="id">The ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored model, or <see langword="null"/>.</returns>
    ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>Lists models with filters and keyset paging.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default);

    /// <summary>Syncs a snapshot into the catalog.</summary>
    /// <param name="snapshot">The official data.</param>
    /// <param name="options">Mode, dry run, removal policy; the catalog's configured defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    ValueTask<SyncReport> SyncAsync(ModelSnapshot<TModel> snapshot, SyncOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Fetches a source's snapshot and syncs it. Runs for one catalog never overlap (single flight).</summary>
    /// <param name="source">The source.</param>
    /// <param name="options">Mode, dry run, removal policy; the catalog's configured defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    ValueTask<SyncReport> SyncAsync(IModelSource<TModel> source, SyncOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Syncs every registered source, one after the other; a failing source does not stop the others.</summary>
    /// <param name="options">Mode, dry run, removal policy; the configured defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>One report per source.</returns>
    ValueTask<IReadOnlyList<SyncReport>> SyncAllAsync(SyncOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// An administrator's edit: <paramref name="edit"/> runs on a copy of the stored model, and the changed fields are
    /// written conditional on the version read (re-running the edit on the fresh row if a sync wrote meanwhile) and
    /// recorded in history as local edits. Editing a conditional field marks it customised; an edit to an official
    /// field lasts until the next applied sync.
    /// </summary>
    /// <param name="id">The model to edit.</param>
    /// <param name="edit">Changes the model; must not change its ID, and may run more than once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    ValueTask<LocalEditResult<TModel>> EditAsync(UnifiedModelId id, Action<TModel> edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a price change that a <see cref="PriceGuardrails"/> policy held: the proposed prices are written (and a
    /// new model held for having no price is activated), the review is cleared, and history records it. Conditional on
    /// the version read, retried on a fresh row if a sync wrote meanwhile.
    /// </summary>
    /// <param name="id">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Approved, not found, or nothing pending.</returns>
    ValueTask<PriceReviewResult<TModel>> ApprovePriceAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rejects a held price change: the stored prices stay, and the review is kept as rejected, so later syncs that
    /// propose exactly these prices again keep the stored ones without asking; history records it.
    /// </summary>
    /// <param name="id">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Rejected, not found, or nothing pending.</returns>
    ValueTask<PriceReviewResult<TModel>> RejectPriceAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a model's history, oldest first.</summary>
    /// <param name="id">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every model of a provider.</summary>
    /// <param name="providerId">The provider ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many models were deleted.</returns>
    ValueTask<int> DeleteProviderAsync(string providerId, CancellationToken cancellationToken = default);
}
