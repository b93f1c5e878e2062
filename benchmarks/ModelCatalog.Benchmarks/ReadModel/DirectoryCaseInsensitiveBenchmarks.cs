using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.ReadModel;

/// <summary>
/// A client sending the wrong case (<c>OpenAI/GPT-4o</c>) with the case-insensitive fallback on: the exact look-up
/// misses, the fallback finds <c>openai/gpt-4o</c>.
/// </summary>
public class DirectoryCaseInsensitiveBenchmarks : DirectoryBenchmarkBase
{
    private static readonly ModelResolverOptions Fallback = new() { CaseInsensitiveFallback = true };
    private ModelResolver _catalogBacked = null!;
    private ModelResolver _readModel = null!;
    private ModelResolver _inMemory = null!;

    [Benchmark(Baseline = true)]
    public async Task<bool> Catalog_backed_store_scan() => (await _catalogBacked.ResolveAsync("OpenAI/GPT-4o")).IsCaseInsensitiveMatch;

    [Benchmark]
    public async Task<bool> Read_model() => (await _readModel.ResolveAsync("OpenAI/GPT-4o")).IsCaseInsensitiveMatch;

    [Benchmark]
    public async Task<bool> InMemoryGatewayModelDirectory() => (await _inMemory.ResolveAsync("OpenAI/GPT-4o")).IsCaseInsensitiveMatch;

    protected override void Prepare()
    {
        _catalogBacked = new ModelResolver(CatalogBacked, Fallback);
        _readModel = new ModelResolver(ReadModelBacked, Fallback);
        _inMemory = new ModelResolver(InMemory, Fallback);
        if (!Read_model().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("OpenAI/GPT-4o does not resolve ignoring case.");
        }
    }
}
