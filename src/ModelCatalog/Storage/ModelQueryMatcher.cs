namespace ModelCatalog.Storage;

/// <summary>Evaluates a <see cref="ModelQuery"/>'s filters in memory (the in-memory store, and tests as an oracle).</summary>
internal static class ModelQueryMatcher
{
    /// <summary>Whether a stored model passes the query's filters (paging aside).</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="query">The query.</param>
    /// <param name="id">The model's ID.</param>
    /// <param name="stored">The stored model.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="NotSupportedException">An availability filter is set and <typeparamref name="TModel"/> does not implement <see cref="IModelAvailability"/>.</exception>
    public static bool Matches<TModel>(ModelQuery query, UnifiedModelId id, StoredModel<TModel> stored)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stored);
        if (query.ProviderId is not null && !id.ProviderIdSpan.SequenceEqual(query.ProviderId))
        {
            return false;
        }

        if (query.SourceName is not null && !string.Equals(stored.SyncState.SourceName, query.SourceName, StringComparison.Ordinal))
        {
            return false;
        }

        if (query.PriceReview is { } review && stored.SyncState.PriceReview?.Status != review)
        {
            return false;
        }

        if (query.IsActive is null && query.IsVisible is null)
        {
            return true;
        }

        if (stored.Model is not IModelAvailability availability)
        {
            throw new NotSupportedException($"{typeof(TModel).Name} does not implement {nameof(IModelAvailability)}, so it cannot be filtered by active or visible.");
        }

        return (query.IsActive is not { } active || availability.IsActive == active)
            && (query.IsVisible is not { } visible || availability.IsVisible == visible);
    }
}
