using System.Collections.Concurrent;

namespace ModelCatalog;

/// <summary>
/// Shares one string per distinct provider ID, so <see cref="UnifiedModelId.ProviderId"/> does not allocate on every
/// call. Catalogs have tens of providers, not millions; the cap keeps hostile input from growing it without bound.
/// </summary>
internal sealed class ProviderIdCache
{
    private readonly int _capacity;
    private int _count;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a cache that starts again once it holds more than <paramref name="capacity"/> provider IDs.</summary>
    /// <param name="capacity">The most provider IDs held at once.</param>
    public ProviderIdCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cache behind <see cref="UnifiedModelId.ProviderId"/>.</summary>
    public static ProviderIdCache Shared { get; } = new(4096);

    public string Get(ReadOnlySpan<char> providerId)
    {
        if (_lookup.TryGetValue(providerId, out var cached))
        {
            return cached;
        }

        string value = providerId.ToString();
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            // Full: that is churn from unusual input, since catalogs have tens of providers. Start again rather than stop
            // sharing for good (which left the providers in real use allocating on every read once junk had filled the
            // cache); the providers in use are cached again on their next read, and memory stays bounded.
            _cache.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        return _cache.GetOrAdd(value, value);
    }
}
