using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.ReadModel;

/// <summary>Listing every active, visible model (OpenAI's <c>GET /v1/models</c>).</summary>
public class DirectoryListBenchmarks : DirectoryBenchmarkBase
{
    [Benchmark(Baseline = true)]
    public async Task<int> Catalog_backed_store_pages() => (await ModelListing.ListAsync(CatalogBacked)).Count;

    [Benchmark]
    public async Task<int> Read_model() => (await ModelListing.ListAsync(ReadModelBacked)).Count;

    [Benchmark]
    public async Task<int> InMemoryGatewayModelDirectory() => (await ModelListing.ListAsync(InMemory)).Count;
}
