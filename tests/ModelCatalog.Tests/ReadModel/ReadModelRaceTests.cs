using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.ReadModel;

public sealed class ReadModelRaceTests
{
    private const int Models = 300;
    private const int Versions = 40;

    [Fact]
    public async Task Readers_racing_refreshes_never_see_two_sync_versions_mixed_in_one_snapshot()
    {
        var store = new InMemoryModelStore<CatalogModel>();
        var readModel = new ModelReadModel<CatalogModel>(store);
        var catalog = new DefaultModelCatalog<CatalogModel>(store, observers: [readModel]);
        await catalog.SyncAsync(Sync(0));

        using var stop = new CancellationTokenSource();
        var swapsSeen = new int[3];
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() => Read(readModel, swapsSeen, r, stop.Token))).ToArray();

        // Keep syncing until every reader has seen the snapshot swap under it (readers may start late on a busy
        // machine), at least Versions times and at most 50 times that.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int version = 0;
        while (version < Versions || (Enumerable.Range(0, swapsSeen.Length).Any(i => Volatile.Read(ref swapsSeen[i]) < 1) && version < 50 * Versions && clock.Elapsed < TimeSpan.FromSeconds(60)))
        {
            await catalog.SyncAsync(Sync(++version));
        }

        await stop.CancelAsync();
        var results = await Task.WhenAll(readers);

        foreach (var (checks, versionsSeen) in results)
        {
            Assert.True(checks > 0, "a reader never ran");
            Assert.True(versionsSeen.SequenceEqual(versionsSeen.Order()), "a reader saw an older snapshot after a newer one");
        }

        Assert.True(results.SelectMany(r => r.VersionsSeen).Distinct().Count() > 1, "the readers never saw a swap");
        Assert.Equal($"v{version}", readModel.Current!.Models[0].Model.Description);
    }

    // Every model of a snapshot must carry the same version; returns how many snapshots were checked and which versions.
    private static (int Checks, List<int> VersionsSeen) Read(IModelReadModel<CatalogModel> readModel, int[] swapsSeen, int reader, CancellationToken stop)
    {
        int checks = 0;
        var seen = new List<int>();
        while (!stop.IsCancellationRequested || checks == 0)
        {
            var snapshot = readModel.Current!;
            var versions = snapshot.Models.Select(m => m.Model.Description).Distinct().ToList();
            Assert.True(versions.Count == 1, $"one snapshot mixed versions {string.Join(", ", versions)}");
            Assert.Equal(Models, snapshot.Count);
            Assert.Equal(snapshot.Count, snapshot.Listed.Count);
            int version = int.Parse(versions[0]![1..], System.Globalization.CultureInfo.InvariantCulture);
            if (seen.Count == 0 || seen[^1] != version)
            {
                seen.Add(version);
                Volatile.Write(ref swapsSeen[reader], seen.Count - 1);
            }

            checks++;
        }

        return (checks, seen);
    }

    private static ModelSnapshot<CatalogModel> Sync(int version)
        => new("s", $"v{version}", DateTimeOffset.UnixEpoch, Enumerable.Range(0, Models)
            .Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i:D3}"), Description = $"v{version}" })
            .ToList());
}
