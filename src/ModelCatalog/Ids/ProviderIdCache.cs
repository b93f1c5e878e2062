using System.Collections.Concurrent;

namespace ModelCatalog;

/// <summary>
/// Shares one string per distinct provider ID, so <see cref="UnifiedModelId.ProviderId"/> does not allocate on every
/// call. Catalogs have tens of providers, not millions; the cap keeps hostile input from growing it without bound.
/// </summary>
internal static class ProviderIdCache
{
    private const int Capacity = 4096;
    private static int _count;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Get(ReadOnlySpan<char> providerId)
    {
        if (Lookup.TryGetValue(providerId, out var cached))
        {
            return cached;
        }

        string value = providerId.ToString();
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            // Full: that is churn from unusual input, since catalogs have tens of providers. Start again rather than stop
            // sharing for good (which left the providers in real use allocating on every read once junk had filled the
            // cache); the providers in use are cached again on their next read, and memory stays bounded.
            Cache.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        return Cache.GetOrAdd(value, value);
    }
}
