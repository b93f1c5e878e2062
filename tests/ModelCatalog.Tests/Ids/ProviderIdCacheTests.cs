namespace ModelCatalog.Tests.Ids;

/// <summary>
/// The provider ID cache on its own small instance (capacity 3), so that filling it is deterministic: strings are
/// always equal to the input, shared while cached, and the cache starts again once it is over capacity.
/// </summary>
public sealed class ProviderIdCacheTests
{
    [Fact]
    public void Up_to_capacity_every_provider_keeps_its_one_shared_string()
    {
        var cache = new ProviderIdCache(3);

        string a = cache.Get("a");
        string b = cache.Get("b");
        string c = cache.Get("c");

        Assert.Equal(("a", "b", "c"), (a, b, c));
        Assert.Same(a, cache.Get("a"));
        Assert.Same(b, cache.Get("b"));
        Assert.Same(c, cache.Get("c"));
    }

    [Fact]
    public void One_provider_past_capacity_starts_the_cache_again_with_that_provider()
    {
        var cache = new ProviderIdCache(3);
        string a = cache.Get("a");
        cache.Get("b");
        cache.Get("c");

        string d = cache.Get("d");
        string again = cache.Get("a");

        Assert.Equal("d", d);
        Assert.Equal("a", again);
        Assert.NotSame(a, again);
        Assert.Same(again, cache.Get("a"));
        Assert.Same(d, cache.Get("d"));
    }

    [Fact]
    public void After_starting_again_the_cache_fills_to_its_capacity_before_the_next_start()
    {
        var cache = new ProviderIdCache(3);
        foreach (string provider in new[] { "a", "b", "c", "d" })
        {
            cache.Get(provider);
        }

        // The cache now holds "d" alone: two more fit before it is over capacity again.
        string d = cache.Get("d");
        string e = cache.Get("e");
        string f = cache.Get("f");

        Assert.Same(d, cache.Get("d"));
        Assert.Same(e, cache.Get("e"));
        Assert.Same(f, cache.Get("f"));
    }

    [Fact]
    public void Many_more_providers_than_the_capacity_still_read_back_correctly()
    {
        var cache = new ProviderIdCache(3);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal($"p{i % 11}", cache.Get($"p{i % 11}"));
        }
    }

    [Fact]
    public void The_shared_cache_serves_the_provider_id_of_parsed_ids()
    {
        var first = UnifiedModelId.Parse("sharedcachetest/a");
        var second = UnifiedModelId.Parse("sharedcachetest/b");

        Assert.Equal("sharedcachetest", first.ProviderId);
        Assert.Equal(first.ProviderId, second.ProviderId);
    }

    [Fact]
    public void A_capacity_below_one_is_a_programming_error()
        => Assert.Throws<ArgumentOutOfRangeException>("capacity", () => new ProviderIdCache(0));
}
