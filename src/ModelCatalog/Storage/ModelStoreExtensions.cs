using System.Runtime.CompilerServices;

namespace ModelCatalog.Storage;

/// <summary>Helpers over any <see cref="IModelStore{TModel}"/>.</summary>
public static class ModelStoreExtensions
{
    /// <summary>
    /// Every model that matches <paramref name="query"/>, page after page in unified-ID order (keyset paging, so
    /// models inserted meanwhile are neither repeated nor make others skipped). <see cref="ModelQuery.After"/> is
    /// where it starts; <see cref="ModelQuery.Limit"/> is the page size of each call to the store.
    /// </summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="query">Filters, start and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The models, one page fetched at a time.</returns>
    public static async IAsyncEnumerable<StoredModel<TModel>> EnumerateAllAsync<TModel>(
        this IModelStore<TModel> store, ModelQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        while (true)
        {
            var page = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page.Items)
            {
                yield return stored;
            }

            if (!page.HasMore)
            {
                yield break;
            }

            query = query with { After = page.Next };
        }
    }
}
