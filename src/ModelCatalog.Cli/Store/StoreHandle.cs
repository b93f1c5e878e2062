using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Store;

/// <summary>An open catalog store and what must be released with it. Store failures surface as <see cref="CatalogStoreException"/>.</summary>
internal sealed class StoreHandle(IModelStore<CatalogModel> store, IAsyncDisposable? owner, IModelStoreSchema? schema) : IAsyncDisposable
{
    public IModelStore<CatalogModel> Store { get; } = store;

    /// <summary>
    /// Whether the database has the catalog's tables (an in-memory catalog always has). Tables from an older version
    /// (a missing column) are a <see cref="CatalogStoreException"/>, not "no tables": a sync could not write to them.
    /// </summary>
    public async ValueTask<bool> HasTablesAsync(CancellationToken cancellationToken)
    {
        if (schema is null)
        {
            return true;
        }

        try
        {
            await schema.VerifySchemaAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ModelStoreSchemaException exception) when (StoreErrors.IsMissingTable(exception))
        {
            return false;
        }
        catch (ModelStoreSchemaException exception)
        {
            throw new CatalogStoreException(exception.Message, exception);
        }
    }

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
