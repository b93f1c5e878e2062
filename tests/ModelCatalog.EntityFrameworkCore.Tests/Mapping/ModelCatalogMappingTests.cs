using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;

namespace ModelCatalog.EntityFrameworkCore.Tests.Mapping;

public sealed class ModelCatalogMappingTests
{
    private static IEntityType Models(DbContext context) => context.Model.FindEntityType(typeof(CatalogModel))!;

    private static string Column(IEntityType entity, string property)
        => entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!;

    [Fact]
    public void The_models_table_has_snake_case_columns_a_unique_id_pair_and_a_version_token()
    {
        using var context = new ModelCatalogDbContext(StoreFactory.SqliteOptions("unused.db"));
        var models = Models(context);

        Assert.Equal("catalog_models", models.GetTableName());
        Assert.Equal("display_name", Column(models, nameof(CatalogModel.DisplayName)));
        Assert.Equal("input_cost_per_million_tokens", Column(models, nameof(CatalogModel.InputCostPerMillionTokens)));
        Assert.Equal("config", Column(models, nameof(CatalogModel.Config)));
        Assert.Null(models.FindProperty(nameof(CatalogModel.Id)));
        var unique = Assert.Single(models.GetIndexes(), i => i.IsUnique);
        Assert.Equal(["provider_id", "model_name"], unique.Properties.Select(p => Column(models, p.Name)));
        Assert.Equal(["id"], models.FindPrimaryKey()!.Properties.Select(p => Column(models, p.Name)));
        Assert.True(Assert.Single(models.GetProperties(), p => p.IsConcurrencyToken).GetColumnName() == "version");
        Assert.Equal("catalog_model_history", context.Model.FindEntityType(typeof(ModelHistoryRecord))!.GetTableName());
    }

    [Fact]
    public void On_sqlite_the_id_columns_keep_the_binary_default_collation()
    {
        using var context = new ModelCatalogDbContext(StoreFactory.SqliteOptions("unused.db"));
        var models = context.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(CatalogModel))!;

        Assert.All(models.GetProperties().Where(p => p.GetColumnName() is "provider_id" or "model_name"), p => Assert.Null(p.GetCollation()));
    }

    [Fact]
    public void On_postgresql_the_id_columns_use_the_byte_order_c_collation()
    {
        // Building the model needs no server.
        using var context = new ModelCatalogDbContext(StoreFactory.PostgresOptions("Host=localhost;Database=unused"));
        var model = context.GetService<IDesignTimeModel>().Model;
        foreach (var entity in new[] { model.FindEntityType(typeof(CatalogModel))!, model.FindEntityType(typeof(ModelHistoryRecord))! })
        {
            var ids = entity.GetProperties().Where(p => p.GetColumnName() is "provider_id" or "model_name").ToList();
            Assert.Equal(2, ids.Count);
            Assert.All(ids, p => Assert.Equal("C", p.GetCollation()));
        }
    }

    [Fact]
    public async Task A_hosts_own_context_holds_the_catalog_beside_its_entities()
    {
        string path = StoreFactory.NewSqlitePath();
        try
        {
            var options = new DbContextOptionsBuilder<HostDbContext>().UseSqlite(StoreFactory.SqliteConnectionString(path)).Options;
            var store = new EfCoreModelStore<CatalogModel, HostDbContext>(new PooledDbContextFactory<HostDbContext>(options));
            await store.EnsureCreatedAsync();
            var model = Testing.ModelStoreContractTests.Model("openai/gpt-4o");
            await store.ApplyAsync(new ModelCatalog.Storage.ModelBatch<CatalogModel>()
                .Add(ModelCatalog.Storage.ModelWrite.Create(Guid.CreateVersion7(), model.Id, model, ModelCatalog.Storage.ModelSyncState.None)));
            await using (var context = new HostDbContext(options))
            {
                context.Invoices.Add(new Invoice { ModelId = "openai/gpt-4o" });
                await context.SaveChangesAsync();
                Assert.Equal("ai_models", context.Model.FindEntityType(typeof(CatalogModel))!.GetTableName());
            }

            Assert.Equal("openai/gpt-4o", (await store.FindAsync(model.Id))!.Model.Id.ToString());
        }
        finally
        {
            StoreFactory.DeleteSqlite(path);
        }
    }

    [Fact]
    public async Task A_context_without_the_catalog_tables_is_refused_with_a_clear_message()
    {
        var options = new DbContextOptionsBuilder<DbContext>().UseSqlite("Data Source=:memory:").Options;
        var store = new EfCoreModelStore<CatalogModel, DbContext>(new PooledDbContextFactory<DbContext>(options));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindAsync(UnifiedModelId.Parse("a/b")));

        Assert.Contains("ApplyModelCatalog<CatalogModel>()", error.Message, StringComparison.Ordinal);
    }
}
