using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Store;

/// <summary>An open catalog store and what must be released with it. Store failures surface as <see cref="CatalogStoreException"/>.</summary>
internal sealed class StoreHandle(IModelStore<CatalogModel> store, IAsyncDisposable? owner) : IAsyncDisposable
{
    public IModelStore<CatalogModel> Store { get; } = store;

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
