using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog;

/// <summary>
/// Answers "what did this model cost at that time?" from the append-only history, so past usage can be re-priced.
/// </summary>
/// <remarks>
/// <para>
/// The current pricing is walked back through every recorded change of <see cref="CatalogModel.Pricing"/> made after the
/// instant (syncs, forced overwrites and admin edits), each undone to its recorded old value. A change takes effect at
/// its recorded instant: asked for exactly that instant, the new price answers.
/// </para>
/// <para>
/// <b>Before the first sync</b> of a model (strictly before its creation record) the answer is
/// <see cref="PriceAtStatus.NotYetInCatalog"/>: the catalog did not know the model, and no price is guessed from later
/// data. A model deleted and created again answers from its latest creation on. A model that is not in the catalog
/// answers <see cref="PriceAtStatus.UnknownModel"/>.
/// </para>
/// </remarks>
public static class PriceHistory
{
    /// <summary>The pricing of <paramref name="id"/> in force at <paramref name="instant"/>, read from a store.</summary>
    /// <typeparam name="TModel">The catalog model type (the built-in <see cref="CatalogModel"/> or one derived from it).</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="id">The model.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The answer.</returns>
    public static async ValueTask<PriceAtResult> PriceAtAsync<TModel>(this IModelStore<TModel> store, UnifiedModelId id, DateTimeOffset instant, CancellationToken cancellationToken = default)
        where TModel : CatalogModel, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(store);
        return await PriceAtAsync(store.FindAsync, store.GetHistoryAsync, id, instant, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pricing of <paramref name="id"/> in force at <paramref name="instant"/>, read through a catalog.</summary>
    /// <typeparam name="TModel">The catalog model type (the built-in <see cref="CatalogModel"/> or one derived from it).</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <param name="id">The model.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The answer.</returns>
    public static async ValueTask<PriceAtResult> PriceAtAsync<TModel>(this IModelCatalog<TModel> catalog, UnifiedModelId id, DateTimeOffset instant, CancellationToken cancellationToken = default)
        where TModel : CatalogModel, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return await PriceAtAsync(catalog.FindAsync, catalog.GetHistoryAsync, id, instant, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<PriceAtResult> PriceAtAsync<TModel>(
        Func<UnifiedModelId, CancellationToken, ValueTask<StoredModel<TModel>?>> find,
        Func<UnifiedModelId, CancellationToken, ValueTask<IReadOnlyList<ModelHistoryEntry>>> history,
        UnifiedModelId id,
        DateTimeOffset instant,
        CancellationToken cancellationToken)
        where TModel : CatalogModel, ICatalogModel<TModel>
    {
        var stored = await find(id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new PriceAtResult(PriceAtStatus.UnknownModel, null, null)
            : PriceAt(stored.Model.Pricing, await history(id, cancellationToken).ConfigureAwait(false), instant);
    }

    /// <summary>Walks <paramref name="current"/> back through <paramref name="history"/> to <paramref name="instant"/>.</summary>
    /// <param name="current">The model's pricing now.</param>
    /// <param name="history">The model's history, in any order.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="JsonException">A recorded pricing value is not valid pricing JSON (a corrupt history).</exception>
    public static PriceAtResult PriceAt(ModelPricing? current, IReadOnlyList<ModelHistoryEntry> history, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(history);
        var entries = history.OrderBy(e => e.Sequence).ThenBy(e => e.At).ToList();
        int created = entries.FindLastIndex(e => e.Kind == ModelChangeKind.Created);
        if (created >= 0 && instant < entries[created].At)
        {
            return new PriceAtResult(PriceAtStatus.NotYetInCatalog, null, null);
        }

        var pricing = current;
        DateTimeOffset? since = created >= 0 ? entries[created].At : null;
        for (int i = entries.Count - 1; i > created; i--)
        {
            var change = PricingChange(entries[i]);
            if (change is null)
            {
                continue;
            }

            if (entries[i].At <= instant)
            {
                since = entries[i].At;
                break;
            }

            pricing = Parse(change.OldValueJson);
        }

        return new PriceAtResult(PriceAtStatus.Found, pricing, since);
    }

    private static HistoryFieldChange? PricingChange(ModelHistoryEntry entry)
    {
        foreach (var change in entry.Changes)
        {
            if (change.Field == nameof(CatalogModel.Pricing)
                && change.Decision is FieldDecision.Applied or FieldDecision.OverwroteLocal or FieldDecision.EditedLocally)
            {
                return change;
            }
        }

        return null;
    }

    private static ModelPricing? Parse(string json) => JsonSerializer.Deserialize(json, ModelCatalogJsonContext.Default.ModelPricing);
}
