using ModelCatalog.Gateway;

namespace ModelCatalog.Yarp;

/// <summary>How the YARP model handling routes and bounds requests and responses.</summary>
public sealed class ModelCatalogProxyOptions
{
    /// <summary>The default bound on a buffered JSON response: 32 MiB.</summary>
    public const long DefaultMaxResponseBodyLength = 32L * 1024 * 1024;

    private long _maxResponseBodyLength = DefaultMaxResponseBodyLength;
    private int _maxSseLineLength = SseModelRewriter.DefaultMaxLineLength;

    /// <summary>
    /// The YARP cluster each provider's requests go to, by provider ID (<c>"openai" → "openai-cluster"</c>). A
    /// provider without an entry goes to the cluster whose ID is the provider ID; when there is none the client gets
    /// 502 <c>upstream_not_configured</c>.
    /// </summary>
    public IDictionary<string, string> ProviderClusters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The longest non-streamed JSON response that is buffered to rewrite its model; a longer one is passed through
    /// unchanged (it then still names the upstream model). Default <see cref="DefaultMaxResponseBodyLength"/>.
    /// </summary>
    public long MaxResponseBodyLength
    {
        get => _maxResponseBodyLength;
        set => _maxResponseBodyLength = value is >= 1 and <= int.MaxValue ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBodyLength must be from 1 to 2^31 - 1.");
    }

    /// <summary>
    /// The longest event-stream line held while its end has not arrived (see <see cref="SseModelRewriter.MaxLineLength"/>);
    /// a longer one ends the response. Default <see cref="SseModelRewriter.DefaultMaxLineLength"/>.
    /// </summary>
    public int MaxSseLineLength
    {
        get => _maxSseLineLength;
        set => _maxSseLineLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxSseLineLength must be positive.");
    }

    /// <summary>The cluster ID for <paramref name="providerId"/>: its <see cref="ProviderClusters"/> entry, else the provider ID.</summary>
    /// <param name="providerId">The provider ID of the resolved model.</param>
    /// <returns>The cluster ID.</returns>
    public string ClusterFor(string providerId)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        return ProviderClusters.TryGetValue(providerId, out var cluster) ? cluster : providerId;
    }
}
