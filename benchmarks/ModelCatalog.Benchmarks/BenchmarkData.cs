using ModelCatalog.Importers;
using ModelCatalog.Sync;

namespace ModelCatalog.Benchmarks;

/// <summary>Finds the public catalogs in ../shared/data (never copied into the repository).</summary>
internal static class BenchmarkData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("../shared/data not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The 2026-03-03 LiteLLM price map: 2,669 entries.</summary>
    public static ModelSnapshot<CatalogModel> LiteLlm20260303()
        => CatalogImporter.ReadFileAsync(Path("litellm", "model_prices_2026-03-03.json"), CatalogFormat.LiteLlm, "litellm", "2026-03-03", DateTimeOffset.UnixEpoch).GetAwaiter().GetResult();
}
