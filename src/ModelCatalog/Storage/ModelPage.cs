namespace ModelCatalog.Storage;

/// <summary>One page of a keyset-paged listing.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Items">The models, in unified ID order.</param>
/// <param name="Next">The <see cref="ModelQuery.After"/> value for the next page, or the "no ID" value when this is the last page.</param>
public sealed record ModelPage<TModel>(IReadOnlyList<StoredModel<TModel>> Items, UnifiedModelId Next)
    where TModel : class
{
    /// <summary><see langword="true"/> when more models follow.</summary>
    public bool HasMore => !Next.IsEmpty;
}
