using System.Text;
using ModelCatalog.Storage;
using ModelCatalog.Testing;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>Reads a whole catalog and compares two of them (content, baseline, source version, missing mark).</summary>
public static class CatalogContents
{
    public static async Task<Dictionary<UnifiedModelId, StoredModel<CatalogModel>>> ReadAllAsync(IModelStore<CatalogModel> store)
    {
        var all = new Dictionary<UnifiedModelId, StoredModel<CatalogModel>>();
        var query = new ModelQuery { Limit = ModelQuery.MaxLimit };
        while (true)
        {
            var page = await store.ListAsync(query);
            foreach (var stored in page.Items)
            {
                Assert.True(all.TryAdd(stored.Model.Id, stored), $"{stored.Model.Id} listed twice");
            }

            if (!page.HasMore)
            {
                return all;
            }

            query = query with { After = page.Next };
        }
    }

    /// <summary>The first difference between two catalogs, or <see langword="null"/> when they hold the same models alike.</summary>
    public static string? FirstDifference(
        IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>> actual,
        IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>> expected,
        bool compareVersions = false)
    {
        var onlyActual = actual.Keys.Where(k => !expected.ContainsKey(k)).Take(5).ToList();
        var onlyExpected = expected.Keys.Where(k => !actual.ContainsKey(k)).Take(5).ToList();
        if (onlyActual.Count > 0 || onlyExpected.Count > 0)
        {
            return $"{actual.Count} vs {expected.Count} models; only in actual: {string.Join(", ", onlyActual)}; only in expected: {string.Join(", ", onlyExpected)}";
        }

        foreach (var (id, e) in expected.OrderBy(p => p.Key))
        {
            var a = actual[id];
            if (!ModelContent.Equal(a.Model, e.Model))
            {
                var fields = CatalogModel.Merger.Diff(e.Model, a.Model).Select(c => $"{c.Field}: expected {c.OldValue}, actual {c.NewValue}");
                return $"{id}: {string.Join("; ", fields)}";
            }

            var problems = new StringBuilder();
            if (!Equals(a.SyncState.Baseline, e.SyncState.Baseline))
            {
                problems.Append($" baseline {a.SyncState.Baseline} ≠ {e.SyncState.Baseline};");
            }

            if (a.SyncState.SourceName != e.SyncState.SourceName || a.SyncState.SourceVersion != e.SyncState.SourceVersion)
            {
                problems.Append($" source {a.SyncState.SourceName}@{a.SyncState.SourceVersion} ≠ {e.SyncState.SourceName}@{e.SyncState.SourceVersion};");
            }

            if ((a.SyncState.MissingUpstreamSince is null) != (e.SyncState.MissingUpstreamSince is null))
            {
                problems.Append($" missing-upstream {a.SyncState.MissingUpstreamSince} ≠ {e.SyncState.MissingUpstreamSince};");
            }

            if (compareVersions && (a.Version != e.Version || a.Key != e.Key || a.SyncState != e.SyncState))
            {
                problems.Append($" version/key/state {a.Version}/{a.Key}/{a.SyncState} ≠ {e.Version}/{e.Key}/{e.SyncState};");
            }

            if (problems.Length > 0)
            {
                return id + ":" + problems;
            }
        }

        return null;
    }
}
