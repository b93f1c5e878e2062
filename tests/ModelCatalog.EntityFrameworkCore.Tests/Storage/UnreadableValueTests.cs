using Microsoft.Data.Sqlite;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// A row whose sync state holds text the catalog never writes (edited by hand, damaged) fails its read with one
/// specific error naming the model and the value, instead of a parser's exception from deep inside the store.
/// </summary>
public sealed class UnreadableValueTests : IAsyncLifetime
{
    private static readonly UnifiedModelId Id = UnifiedModelId.Parse("openai/gpt-4o");
    private readonly string _path = StoreFactory.NewSqlitePath();
    private EfCoreModelStore<CatalogModel, ModelCatalogDbContext> _store = null!;

    public async Task InitializeAsync()
    {
        _store = StoreFactory.Create(StoreFactory.SqliteOptions(_path));
        await _store.EnsureCreatedAsync();
        var snapshot = new ModelSnapshot<CatalogModel>("test", "v1", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = Id, DisplayName = "GPT-4o" }]);
        await new ModelSynchronizer<CatalogModel>(_store).SyncAsync(snapshot);
    }

    public Task DisposeAsync()
    {
        StoreFactory.DeleteSqlite(_path);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"display_name\": ")]
    [InlineData("")]
    public async Task A_damaged_sync_baseline_fails_the_read_naming_the_model(string text)
    {
        Overwrite("sync_baseline", text);

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.FindAsync(Id).AsTask());

        Assert.Equal(
            "The stored model 'openai/gpt-4o' cannot be read: its sync baseline holds a value the catalog does not write " +
            "(it is not a JSON object within the catalog's nesting limit). Repair the row, or delete the model and sync it again.",
            error.Message);
    }

    [Fact]
    public async Task A_damaged_price_review_fails_the_read_and_is_never_taken_for_no_review()
    {
        Overwrite("price_review", "{\"status\": ");

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.ListAsync(new ModelQuery()).AsTask());

        Assert.StartsWith("The stored model 'openai/gpt-4o' cannot be read: its price review holds a value the catalog does not write (", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\": \"doubled\"}")]
    public async Task A_price_review_without_its_reason_or_prices_fails_the_read(string text)
    {
        Overwrite("price_review", text);

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.FindAsync(Id).AsTask());

        Assert.Contains("its price review holds a value the catalog does not write (its reason, previous or proposed prices are missing)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provider_id", "Open AI", "A stored model cannot be read: its provider ID 'Open AI' and model name 'gpt-4o' do not form a valid unified model ID")]
    [InlineData("model_name", "gpt\u0001", "A stored model cannot be read: its provider ID 'openai' and model name 'gpt\\u0001' do not form a valid unified model ID")]
    public async Task A_row_whose_id_is_not_a_unified_model_id_fails_the_listing_naming_it(string column, string text, string expected)
    {
        Overwrite(column, System.Text.RegularExpressions.Regex.Unescape(text));

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.ListAsync(new ModelQuery()).AsTask());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_review_of_json_null_fails_the_read()
    {
        Overwrite("price_review", "null");

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.FindAsync(Id).AsTask());

        Assert.Contains("its price review holds a value the catalog does not write (it is JSON null)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config", "{\"a\": [1, 2")]
    [InlineData("pricing", "[1, 2]")]
    [InlineData("lifecycle", "[")]
    public async Task A_damaged_json_column_fails_the_read_quoting_its_start(string column, string text)
    {
        Overwrite(column, text);

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.FindAsync(Id).AsTask());

        Assert.StartsWith("A stored JSON column of the catalog cannot be read back (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; it starts with '{text}'. The row was changed outside the catalog: repair it, or delete the model and sync it again.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{")]
    [InlineData("{}")]
    [InlineData("[{\"field\": 1}]")]
    [InlineData("[{\"field\": \"display_name\", \"policy\": \"Sometimes\", \"decision\": \"Updated\", \"old\": 1, \"new\": 2}]")]
    public async Task A_damaged_history_row_fails_the_history_read_naming_the_model_and_the_entry(string text)
    {
        Overwrite("changes", text, table: "catalog_model_history");

        var error = await Assert.ThrowsAsync<ModelStoreDataException>(() => _store.GetHistoryAsync(Id).AsTask());

        Assert.StartsWith("The history of 'openai/gpt-4o' cannot be read: entry 1 holds changes the catalog does not write (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Repair or delete that history row.", error.Message, StringComparison.Ordinal);
    }

    private void Overwrite(string column, string text, string table = "catalog_models")
    {
        using var connection = new SqliteConnection(StoreFactory.SqliteConnectionString(_path));
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = $"UPDATE {table} SET {column} = $text";
        update.Parameters.AddWithValue("$text", text);
        Assert.Equal(1, update.ExecuteNonQuery());
    }
}
