using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>
/// The baseline: what a host writes without the store: per official model, a fresh context, find it, merge with the
/// generated merger (or create it), SaveChanges. Same mapping, same merge rules, same history rows.
/// </summary>
public static class NaiveSync
{
    public static async Task RunAsync(DbContextOptions<ModelCatalogDbContext> options, ModelSnapshot<CatalogModel> snapshot)
    {
        var merger = CatalogModel.Merger;
        var now = DateTimeOffset.UtcNow;
        foreach (var official in snapshot.Models)
        {
            if (official.Id.IsEmpty)
            {
                continue;
            }

            string providerId = official.Id.ProviderId;
            string modelName = official.Id.ModelName;
            await using var context = new ModelCatalogDbContext(options);
            var existing = await context.Set<CatalogModel>()
                .FirstOrDefaultAsync(m => EF.Property<string>(m, "CatalogProviderId") == providerId && EF.Property<string>(m, "CatalogModelName") == modelName);
            if (existing is null)
            {
                var entry = context.Add(merger.Clone(official));
                entry.Property("CatalogKey").CurrentValue = Guid.CreateVersion7(now);
                entry.Property("CatalogProviderId").CurrentValue = providerId;
                entry.Property("CatalogModelName").CurrentValue = modelName;
                entry.Property("CatalogVersion").CurrentValue = 1L;
                entry.Property("CatalogBaseline").CurrentValue = merger.CaptureBaseline(official).Json;
                entry.Property("CatalogLastSyncedAt").CurrentValue = now;
                entry.Property("CatalogSourceName").CurrentValue = snapshot.SourceName;
                entry.Property("CatalogSourceVersion").CurrentValue = snapshot.Version;
                context.Add(History(providerId, modelName, now, ModelChangeKind.Created, snapshot));
            }
            else
            {
                var entry = context.Entry(existing);
                var baseline = entry.Property("CatalogBaseline").CurrentValue is string json ? ModelBaseline.Parse(json) : null;
                var merge = merger.Merge(existing, official, baseline, UpdateMode.Smart);
                if (merge.ModelChanged || merge.BaselineChanged)
                {
                    entry.Property("CatalogBaseline").CurrentValue = merge.Baseline?.Json;
                    entry.Property("CatalogVersion").CurrentValue = (long)entry.Property("CatalogVersion").CurrentValue! + 1;
                    entry.Property("CatalogLastSyncedAt").CurrentValue = now;
                    entry.Property("CatalogSourceVersion").CurrentValue = snapshot.Version;
                    context.Add(History(providerId, modelName, now, ModelChangeKind.Synced, snapshot));
                }
            }

            await context.SaveChangesAsync();
        }
    }

    private static ModelHistoryRecord History(string providerId, string modelName, DateTimeOffset at, ModelChangeKind kind, ModelSnapshot<CatalogModel> snapshot) => new()
    {
        ProviderId = providerId,
        ModelName = modelName,
        At = at,
        Kind = kind,
        SourceName = snapshot.SourceName,
        SourceVersion = snapshot.Version,
    };
}
