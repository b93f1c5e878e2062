using ModelCatalog.Storage;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Storage;

public sealed class InMemoryModelStoreContractTests : ModelStoreContractTests
{
    protected override Task<IModelStore<CatalogModel>> CreateStoreAsync()
        => Task.FromResult<IModelStore<CatalogModel>>(new InMemoryModelStore<CatalogModel>());
}
