namespace ModelCatalog.Sources;

/// <summary>
/// Where and how an <see cref="HttpCatalogSource{TModel}"/> fetches a catalog. The defaults suit the public catalogs
/// (LiteLLM's price map is ~1.4 MB, models.dev's api.json ~3.6 MB); every limit is checked by <see cref="Validate"/>.
/// </summary>
public sealed class HttpCatalogSourceOptions
{
    /// <summary>The default <see cref="MaxResponseBytes"/>: 64 MiB, an order of magnitude above the largest public catalog.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The catalog's absolute <c>http</c> or <c>https</c> URL.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The catalog's format; <see langword="null"/> (the default) detects it from the content.</summary>
    public CatalogFormat? Format { get; set; }

    /// <summary>The source name; the format's name, else the URL's host, when <see langword="null"/>.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// An <c>Authorization</c> header value sent with every request (for example <c>Bearer …</c>), or
    /// <see langword="null"/>. It is never logged: the library logs no header, and the HTTP client's own logging redacts every header value.
    /// </summary>
    public string? Authorization { get; set; }

    /// <summary>The largest response body accepted, in bytes; a larger one fails the fetch (nothing is synced).</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>How long one attempt (request and body) may take; 30 seconds by default. A slow server is cut here and the attempt retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one fetch may take, retries included; 2 minutes by default.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a transient failure (5xx, 408, 429, a network error, a timeout, a cut body) is retried; 3 by default.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter. 2 seconds by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The health check reports <c>Degraded</c> when the last successful sync is older than this; 1 day by default.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Throws when an option is out of range, naming every bad value at once.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        if (Uri is not { IsAbsoluteUri: true } uri || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            failures.Add($"{nameof(Uri)} must be an absolute http or https URL, not '{Uri}'.");
        }

        if (MaxResponseBytes <= 0)
        {
            failures.Add($"{nameof(MaxResponseBytes)} must be positive, not {MaxResponseBytes}.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            failures.Add($"{nameof(AttemptTimeout)} must be positive and at most {nameof(TotalTimeout)} ({AttemptTimeout} and {TotalTimeout} given).");
        }

        if (MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add($"{nameof(MaxRetryAttempts)} must be between 0 and 100, not {MaxRetryAttempts}.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(RetryDelay)} must not be negative.");
        }

        if (DegradedAfter <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DegradedAfter)} must be positive, not {DegradedAfter}.");
        }

        if (Authorization is { } header && header.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add($"{nameof(Authorization)} must not contain a line break.");
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid HTTP catalog source options: " + string.Join(" ", failures));
        }
    }

    internal string SourceName => Name ?? (Format is { } format ? CatalogImporter.Name(format) : Uri!.Host);
}
