namespace ModelCatalog.Tests.Ids;

/// <summary>Runs the allocation tests alone, after the parallel ones: other tests churn the shared provider cache.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>
/// Allocation promises from the design, counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> after a warm-up
/// (so that JIT tiering and static initialisation are not counted). Bytes are counted; time never is.
/// </summary>
[Collection(nameof(AllocationCollection))]
public sealed class UnifiedModelIdAllocationTests
{
    private const int Rounds = 1_000;

    private static readonly string[] Inputs =
    [
        "openai/gpt-4o",
        "openrouter/meta-llama/llama-3.1-70b-instruct",
        "local/modèle-中-😀",
        "open-ai/gpt-4o",
        "openai/gpt 4o",
        "gpt-4o",
        "openai/" + new string('a', 300),
    ];

    private static long AllocatedBy(Action action)
    {
        for (int i = 0; i < 100; i++)
        {
            action(); // warm-up
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void TryParse_of_a_string_allocates_nothing_whether_it_succeeds_or_fails()
    {
        long allocated = AllocatedBy(() =>
        {
            foreach (string input in Inputs)
            {
                _ = UnifiedModelId.TryParse(input, out _);
                _ = UnifiedModelId.TryParse(input, out _, out _, out _);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ToString_allocates_nothing()
    {
        var ids = Inputs.Take(3).Select(UnifiedModelId.Parse).Append(default).ToArray();

        long allocated = AllocatedBy(() =>
        {
            foreach (var id in ids)
            {
                _ = id.ToString();
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Equality_hashing_comparison_and_formatting_allocate_nothing()
    {
        var a = UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct");
        var b = UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-8b-instruct");
        var chars = new char[UnifiedModelId.MaxLength];
        var bytes = new byte[UnifiedModelId.MaxLength * 3];

        long allocated = AllocatedBy(() =>
        {
            _ = a.Equals(b);
            _ = a == b;
            _ = a.GetHashCode();
            _ = a.CompareTo(b);
            _ = a.TryFormat(chars, out _);
            _ = a.TryFormat(bytes, out _);
            _ = a.ProviderIdSpan.Length + a.ModelNameSpan.Length;
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ProviderId_is_shared_per_provider_so_reading_it_again_allocates_nothing()
    {
        var id = UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct");

        long allocated = AllocatedBy(() => _ = id.ProviderId);

        Assert.Equal(0, allocated);
        Assert.Same(id.ProviderId, UnifiedModelId.Parse("openrouter/x").ProviderId);
    }

    [Fact]
    public void ProviderId_is_shared_again_after_many_distinct_providers_filled_the_cache()
    {
        for (int i = 0; i < 10_000; i++)
        {
            _ = UnifiedModelId.Create("p" + i, "x").ProviderId;
        }

        var id = UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct");

        Assert.Equal(0, AllocatedBy(() => _ = id.ProviderId));
    }

    [Fact]
    public void TryParse_of_a_span_allocates_only_the_string_the_id_keeps()
    {
        const string text = "openrouter/meta-llama/llama-3.1-70b-instruct";
        long oneString = AllocatedBy(() => _ = new string(text.AsSpan()));

        long fromChars = AllocatedBy(() => _ = UnifiedModelId.TryParse(text.AsSpan(), out _));
        long fromUtf8 = AllocatedBy(() => _ = UnifiedModelId.TryParse("openrouter/meta-llama/llama-3.1-70b-instruct"u8, out _));
        long failing = AllocatedBy(() => _ = UnifiedModelId.TryParse("open-ai/meta-llama/llama-3.1-70b-instruct"u8, out _));

        Assert.Equal(oneString, fromChars);
        Assert.Equal(oneString, fromUtf8);
        Assert.Equal(0, failing);
    }
}
