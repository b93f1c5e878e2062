using Microsoft.Data.Sqlite;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// A damaged row fails the reads that return it and no other, through the direct reader as through EF Core (the
/// oracle): not a lookup of other IDs of its provider, not the page just before it.
/// </summary>
public sealed class DirectReadDamageTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Finding_other_models_of_the_provider_of_a_damaged_row_succeeds_and_finding_it_fails_as_with_EF_Core()
    {
        var (efCore, direct) = await SyncAndDamageAsync("openai", "gpt-4o-mini");
        UnifiedModelId wanted = UnifiedModelId.Parse("openai/gpt-4o"), damaged = UnifiedModelId.Parse("openai/gpt-4o-mini");

        var expected = await efCore.FindManyAsync([wanted]);
        var actual = await direct.FindManyAsync([wanted]);

        Assert.Equal([wanted], expected.Keys);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected[wanted].Version, actual[wanted].Version);
        await Assert.ThrowsAsync<ModelStoreDataException>(async () => await efCore.FindManyAsync([wanted, damaged]));
        await Assert.ThrowsAsync<ModelStoreDataException>(async () => await direct.FindManyAsync([wanted, damaged]));
    }

    [Fact]
    public async Task The_page_just_before_a_damaged_row_is_returned_with_its_cursor_and_the_next_page_fails_as_with_EF_Core()
    {
        // The sample's IDs in order: anthropic/…, elevenlabs/…, openai/gpt-4o, …; the third is damaged.
        var (efCore, direct) = await SyncAndDamageAsync("openai", "gpt-4o");
        var query = new ModelQuery { Limit = 2 };

        var expected = await efCore.ListAsync(query);
        var actual = await direct.ListAsync(query);

        Assert.Equal(2, expected.Items.Count);
        Assert.Equal(expected.Items.Select(m => m.Model.Id), actual.Items.Select(m => m.Model.Id));
        Assert.Equal(expected.Next, actual.Next);
        await Assert.ThrowsAsync<ModelStoreDataException>(async () => await efCore.ListAsync(query with { After = expected.Next }));
        await Assert.ThrowsAsync<ModelStoreDataException>(async () => await direct.ListAsync(query with { After = actual.Next }));
    }

    private async Task<(IModelStore<CatalogModel> EfCore, IModelStore<CatalogModel> Direct)> SyncAndDamageAsync(string provider, string model)
    {
        var (exit, _, error) = await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        Assert.True(exit == 0, error);
        string connectionString = new SqliteConnectionStringBuilder { DataSource = _cli.Database, Pooling = false }.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE catalog_models SET sync_baseline = '{' WHERE provider_id = $p AND model_name = $m";
            damage.Parameters.AddWithValue("$p", provider);
            damage.Parameters.AddWithValue("$m", model);
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        return (ReadStores.EfCore(connectionString), ReadStores.Direct(connectionString));
    }
}
