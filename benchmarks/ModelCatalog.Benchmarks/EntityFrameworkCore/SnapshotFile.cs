using ModelCatalog.Sources;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Benchmarks.EntityFrameworkCore;

/// <summary>The LiteLLM snapshot of 2026-03-03 (2,669 entries) from ../shared/data.</summary>
public static class SnapshotFile
{
    public static Task<ModelSnapshot<CatalogModel>> ReadAsync()
        => CatalogImporter.ReadFileAsync(
            SharedData.Path("litellm", "model_prices_2026-03-03.json"), CatalogFormat.LiteLlm, "litellm", null, DateTimeOffset.UtcNow);
}
