using System.Collections.Concurrent;

namespace ModelCatalog;

/// <summary>
/// Shares one string per distinct provider ID, so <see cref="UnifiedModelId.ProviderId"/> does not allocate on every
/// call. Catalogs have tens of providers, not millions; the cap keeps hostile input from growing it without bound.
/// </summary>
internal static class ProviderIdCache
{
    private const int Capacity = 4096;
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
        return Cache.Count < Capacity ? Cache.GetOrAdd(value, value) : value;
    }
}
