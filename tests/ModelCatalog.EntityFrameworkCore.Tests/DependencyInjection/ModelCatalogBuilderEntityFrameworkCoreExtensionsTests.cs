using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class ModelCatalogBuilderEntityFrameworkCoreExtensionsTests
{
    [Fact]
    public async Task UseEntityFrameworkCore_registers_the_store_over_the_ready_context_as_a_singleton()
    {
        string path = StoreFactory.NewSqlitePath();
        try
        {
            var services = new ServiceCollection();
            services.AddModelCatalog().UseEntityFrameworkCore<ModelCatalogDbContext>(o => o.UseSqlite(StoreFactory.SqliteConnectionString(path)));
            await using var provider = services.BuildServiceProvider();

            var store = provider.GetRequiredService<IModelStore<CatalogModel>>();

            Assert.IsType<EfCoreModelStore<CatalogModel, ModelCatalogDbContext>>(store);
            Assert.Same(store, provider.GetRequiredService<IModelStore<CatalogModel>>());
            Assert.True(await provider.GetEfCoreModelStore<CatalogModel, ModelCatalogDbContext>().EnsureCreatedAsync());
            Assert.Null(await store.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")));
        }
        finally
        {
            StoreFactory.DeleteSqlite(path);
        }
    }

    [Fact]
    public void UseEntityFrameworkCore_with_a_hosts_context_uses_the_hosts_factory()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<ModelCatalogDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddModelCatalog<CatalogModel>().UseEntityFrameworkCore<CatalogModel, ModelCatalogDbContext>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<EfCoreModelStore<CatalogModel, ModelCatalogDbContext>>(provider.GetRequiredService<IModelStore<CatalogModel>>());
    }

    [Fact]
    public void Arguments_are_guarded()
    {
        var builder = new ServiceCollection().AddModelCatalog();

        Assert.Throws<ArgumentNullException>("builder", () => ((ModelCatalogBuilder<CatalogModel>)null!).UseEntityFrameworkCore<ModelCatalogDbContext>());
        Assert.Throws<ArgumentNullException>("configure", () => builder.UseEntityFrameworkCore<ModelCatalogDbContext>(null!));
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceProvider)null!).GetEfCoreModelStore<CatalogModel, ModelCatalogDbContext>());
        Assert.Throws<ArgumentNullException>("contextFactory", () => new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(null!));
        Assert.Throws<ArgumentNullException>("modelBuilder", () => ((ModelBuilder)null!).ApplyModelCatalog<CatalogModel>());
    }
}
