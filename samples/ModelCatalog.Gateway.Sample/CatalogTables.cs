using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;

namespace ModelCatalog.Gateway.Sample;

/// <summary>Creates the catalog's tables in the SQLite file at start-up, before the first sync.</summary>
internal sealed class CatalogTables(IModelCatalog<CatalogModel> catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (catalog.Store is EfCoreModelStore<CatalogModel, ModelCatalogDbContext> store)
        {
            await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
