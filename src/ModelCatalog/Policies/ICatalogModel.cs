namespace ModelCatalog;

/// <summary>
/// Implemented by the source generator on every <see cref="SyncModelAttribute"/> type, so the sync engine and DI obtain
/// the type's merger without reflection: <c>TModel.Merger</c>.
/// </summary>
/// <typeparam name="TSelf">The catalog model type itself.</typeparam>
public interface ICatalogModel<TSelf>
    where TSelf : class, ICatalogModel<TSelf>
{
    /// <summary>The compile-time generated merger of <typeparamref name="TSelf"/>.</summary>
    static abstract IModelMerger<TSelf> Merger { get; }
}
