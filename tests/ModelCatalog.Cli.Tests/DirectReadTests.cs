using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.Cli.Store;
using ModelCatalog.Cli.Store.Direct;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.Storage;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// The tool reads its SQLite file without EF Core (SqliteCatalogReader). The oracle is the EF Core store on the
/// mapping's runtime model (not the compiled one the tool writes with), over a file the real tool filled from two
/// real LiteLLM snapshots (baselines, held price changes, models missing upstream), the sample catalog (a second
/// source) and local edits.
/// </summary>
public sealed class DirectReadTests(DirectReadTests.Catalog catalog) : IClassFixture<DirectReadTests.Catalog>
{
    [Fact]
    public async Task Every_stored_model_reads_the_same_as_through_EF_Core()
    {
        var expected = await AllAsync(catalog.EfCore);
        var actual = await AllAsync(catalog.Direct);

        Assert.True(expected.Count > 2_000, $"the fixture holds {expected.Count} models");
        Assert.Contains(expected, m => m.SyncState.PriceReview is not null);
        Assert.Contains(expected, m => m.SyncState.MissingUpstreamSince is not null);
        Assert.Contains(expected, m => m.Model.Pricing is not null && m.Model.Config is not null);
        Assert.Equal(expected.Select(m => m.Model.Id), actual.Select(m => m.Model.Id));
        for (int i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], actual[i]);
        }
    }

    [Property(MaxTest = 150)]
    public Property Any_page_of_any_query_is_the_page_EF_Core_returns()
        => Prop.ForAll(Arb.From(Queries(catalog)), query =>
        {
            var expected = catalog.EfCore.ListAsync(query).AsTask().GetAwaiter().GetResult();
            var actual = catalog.Direct.ListAsync(query).AsTask().GetAwaiter().GetResult();

            Assert.Equal(expected.Items.Select(m => (m.Model.Id, m.Version)), actual.Items.Select(m => (m.Model.Id, m.Version)));
            Assert.Equal(expected.Next, actual.Next);
            for (int i = 0; i < expected.Items.Count; i++)
            {
                AssertSame(expected.Items[i], actual.Items[i]);
            }
        });

    [Property(MaxTest = 60)]
    public Property Finding_any_set_of_IDs_finds_what_EF_Core_finds()
        => Prop.ForAll(Arb.From(IdSets(catalog)), ids =>
        {
            var expected = catalog.EfCore.FindManyAsync(ids).AsTask().GetAwaiter().GetResult();
            var actual = catalog.Direct.FindManyAsync(ids).AsTask().GetAwaiter().GetResult();

            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (id, stored) in expected)
            {
                AssertSame(stored, actual[id]);
            }

            var one = ids.FirstOrDefault();
            Assert.Equal(catalog.EfCore.FindAsync(one).AsTask().GetAwaiter().GetResult()?.Version, catalog.Direct.FindAsync(one).AsTask().GetAwaiter().GetResult()?.Version);
        });

    [Fact]
    public void The_reader_knows_every_column_EF_Core_maps_for_a_catalog_model()
    {
        using var context = new ModelCatalogDbContext(CatalogStoreFactory.SqliteOptions("Data Source=:memory:", compiledModel: false));
        var mapped = context.Model.FindEntityType(typeof(CatalogModel))!.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p => (p.Name, Column: p.GetColumnName()))
            .OrderBy(p => p.Name, StringComparer.Ordinal);

        Assert.Equal(mapped, CatalogModelColumns.All.Select(c => (c.Name, c.Column)).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reads_never_start_the_EF_Core_writer_and_the_first_write_starts_it_once()
    {
        int opened = 0;
        var store = new DirectReadStore(new SqliteCatalogReader(catalog.ConnectionString), () =>
        {
            opened++;
            return catalog.EfCore;
        });

        var page = await store.ListAsync(new ModelQuery { Limit = 5 });
        await store.FindAsync(page.Items[0].Model.Id);
        await store.FindManyAsync([page.Items[1].Model.Id]);
        Assert.Equal(0, opened);

        await store.GetHistoryAsync(page.Items[0].Model.Id);
        await store.ApplyAsync(new ModelBatch<CatalogModel>());
        Assert.Equal(1, opened);
    }

    private static void AssertSame(StoredModel<CatalogModel> expected, StoredModel<CatalogModel> actual)
    {
        Assert.True(CatalogModel.Merger.ContentEquals(expected.Model, actual.Model), $"{expected.Model.Id}: the fields differ");
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.SyncState, actual.SyncState);
    }

    private static async Task<List<StoredModel<CatalogModel>>> AllAsync(IModelStore<CatalogModel> store)
    {
        var all = new List<StoredModel<CatalogModel>>();
        await foreach (var stored in store.EnumerateAllAsync(new ModelQuery { Limit = ModelQuery.MaxLimit }))
        {
            all.Add(stored);
        }

        return all;
    }

    // Filters drawn from the values the file holds (so pages are rarely empty) and from values it does not.
    private static Gen<ModelQuery> Queries(Catalog catalog)
    {
        var ids = catalog.Ids.ToArray();
        var provider = Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(ids).Select(i => (string?)i.ProviderId), Gen.Constant<string?>("no-such-provider"));
        var source = Gen.Elements<string?>(null, "litellm", "sample", "other");
        var flag = Gen.Elements<bool?>(null, true, false);
        var review = Gen.Elements<PriceReviewStatus?>(null, PriceReviewStatus.Pending, PriceReviewStatus.Rejected);
        var after = Gen.OneOf(Gen.Constant(default(UnifiedModelId)), Gen.Elements(ids), Gen.Elements(ids).Select(i => UnifiedModelId.Create(i.ProviderId, i.ModelName + "~")));
        return from p in provider
               from s in source
               from active in flag
               from visible in flag
               from r in review
               from a in after
               from limit in Gen.Choose(1, 60)
               select new ModelQuery { ProviderId = p, SourceName = s, IsActive = active, IsVisible = visible, PriceReview = r, After = a, Limit = limit };
    }

    private static Gen<UnifiedModelId[]> IdSets(Catalog catalog)
    {
        var id = Gen.OneOf(Gen.Elements(catalog.Ids.ToArray()), Gen.Elements(catalog.Ids.ToArray()).Select(i => UnifiedModelId.Create(i.ProviderId, i.ModelName + "-absent")), Gen.Constant(default(UnifiedModelId)));
        return Gen.OneOf(Gen.ArrayOf(id), Gen.Constant(catalog.Ids.ToArray()));
    }

    /// <summary>One SQLite file filled by the real tool, and both stores over it.</summary>
    public sealed class Catalog : IAsyncLifetime
    {
        private readonly CliRun _cli = new();

        public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _cli.Database, Pooling = false }.ToString();

        public IModelStore<CatalogModel> EfCore { get; private set; } = null!;

        /// <summary>The tool's store over the file (<see cref="ReadStores.Direct"/>).</summary>
        public IModelStore<CatalogModel> Direct { get; private set; } = null!;

        public IReadOnlyList<UnifiedModelId> Ids { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await RunAsync("sync", SharedData.Path("litellm", "model_prices_2025-06-27.json"), "--format", "litellm");
            await RunAsync("set", "openai/gpt-4o", "--display-name", "Our GPT-4o", "--active", "false");
            await RunAsync("sync", SharedData.Path("litellm", "model_prices_2026-03-03.json"), "--format", "litellm", "--hold-price-changes", "0.5");
            await RunAsync("sync", CliRun.Sample("catalog.v1.json"));
            EfCore = ReadStores.EfCore(ConnectionString);
            Direct = ReadStores.Direct(ConnectionString);
            Ids = (await AllAsync(EfCore)).Select(m => m.Model.Id).ToList();
        }

        public Task DisposeAsync()
        {
            _cli.Dispose();
            return Task.CompletedTask;
        }

        private async Task RunAsync(params string[] args)
        {
            var (exit, _, error) = await _cli.RunAsync(args);
            Assert.True(exit is 0 or 3, $"{string.Join(' ', args)}: exit {exit}: {error}");
        }
    }
}
