using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.ReadModel;

/// <summary>Resolving a known unified ID (<c>openai/gpt-4o</c>), as a gateway does on every request.</summary>
public class DirectoryResolveBenchmarks : DirectoryBenchmarkBase
{
    private ModelResolver _catalogBacked = null!;
    private ModelResolver _readModel = null!;
    private ModelResolver _inMemory = null!;

    [Benchmark(Baseline = true)]
    public async Task<bool> Catalog_backed_store_query() => (await _catalogBacked.ResolveAsync("openai/gpt-4o")).IsResolved;

    [Benchmark]
    public async Task<bool> Read_model() => (await _readModel.ResolveAsync("openai/gpt-4o")).IsResolved;

    [Benchmark]
    public async Task<bool> InMemoryGatewayModelDirectory() => (await _inMemory.ResolveAsync("openai/gpt-4o")).IsResolved;

    protected override void Prepare()
    {
        _catalogBacked = new ModelResolver(CatalogBacked);
        _readModel = new ModelResolver(ReadModelBacked);
        _inMemory = new ModelResolver(InMemory);
        if (!Read_model().GetAwaiter().GetResult() || !Catalog_backed_store_query().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("openai/gpt-4o does not resolve.");
        }
    }
}
