using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelCatalog.Sync;
using Polly.Timeout;

namespace ModelCatalog.Sources;

/// <summary>
/// An <see cref="IModelSource{TModel}"/> that fetches a catalog over HTTP, in any of the four formats. Requests are
/// conditional (<c>If-None-Match</c> / <c>If-Modified-Since</c> from the last synced response): a <c>304</c> is a sync
/// that reads and writes nothing. The body is bounded, must be JSON (an HTML error page is refused by content type
/// and by its first byte), and its version is the <c>ETag</c>, else <c>Last-Modified</c>, else a SHA-256 of the body.
/// Validators are kept only once the catalog reports the snapshot synced, so a failed write is fetched again.
/// Register it with <c>AddHttpSource</c> to get <c>IHttpClientFactory</c>, retries, timeouts, a circuit breaker and a health check.
/// </summary>
/// <typeparam name="TModel">The host's model type.</typeparam>
public sealed partial class HttpCatalogSource<TModel> : IModelSource<TModel>, IModelSyncFeedback<TModel>, IModelSourceStatus
    where TModel : class
{
    private readonly Func<HttpClient> _client;
    private readonly HttpCatalogSourceOptions _options;
    private readonly CatalogMapping<TModel> _mapping;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Validators? _synced;
    private Validators? _fetched;
    private ModelSourceStatus _status = ModelSourceStatus.None;

    /// <summary>Creates a source over an <see cref="HttpClient"/> the caller configured (no retries unless its handlers add them).</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Where and how to fetch; validated here.</param>
    /// <param name="mapping">Makes the host's model of each entry.</param>
    /// <param name="timeProvider">The clock for fetch and status times.</param>
    /// <param name="logger">Where fetch lines go (never a header value).</param>
    public HttpCatalogSource(HttpClient client, HttpCatalogSourceOptions options, CatalogMapping<TModel> mapping, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(ClientOf(client), options, mapping, timeProvider, logger)
    {
    }

    internal HttpCatalogSource(Func<HttpClient> client, HttpCatalogSourceOptions options, CatalogMapping<TModel> mapping, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mapping);
        options.Validate();
        _client = client;
        _options = options;
        _mapping = mapping;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Name = options.SourceName;
    }

    /// <inheritdoc cref="IModelSource{TModel}.Name"/>
    public string Name { get; }

    /// <inheritdoc/>
    public ModelSourceStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="CatalogFetchException">The catalog could not be fetched, or is not a catalog; nothing is synced.</exception>
    public async ValueTask<ModelSnapshot<TModel>> FetchAsync(CancellationToken cancellationToken = default)
    {
        var uri = _options.Uri!;
        var fetchedAt = _time.GetUtcNow();
        Validators? synced;
        lock (_lock)
        {
            synced = _synced;
            _fetched = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (synced?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (synced?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        if (_options.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        HttpResponseMessage response;
        try
        {
            response = await _client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Describe(exception, cancellationToken) is { } problem)
        {
            throw new CatalogFetchException($"GET {uri} failed: {problem}. Nothing was synced.", exception);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                if (synced is null)
                {
                    throw new CatalogFetchException($"GET {uri} answered 304 Not Modified to a request that named no version. Nothing was synced.");
                }

                LogNotModified(_logger, Name, synced.Version);
                return new ModelSnapshot<TModel>(Name, synced.Version, fetchedAt, []) { NotModified = true };
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogFetchException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}. Nothing was synced.");
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (contentType is not null && !IsJsonLike(contentType))
            {
                throw new CatalogFetchException($"GET {uri} answered '{contentType}', not JSON (an error or login page?). Nothing was synced.");
            }

            byte[] body;
            try
            {
                body = await HttpBody.ReadAsync(response.Content, _options.MaxResponseBytes, uri, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not CatalogFetchException && Describe(exception, cancellationToken) is { } problem)
            {
                throw new CatalogFetchException($"GET {uri}: reading the body failed: {problem}. Nothing was synced.", exception);
            }

            int first = Array.FindIndex(body, static b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF));
            if (first < 0 || body[first] is not ((byte)'{' or (byte)'['))
            {
                string start = first < 0 ? "nothing" : $"'{(char)body[first]}'";
                throw new CatalogFetchException($"GET {uri} answered a body that is not a JSON object or array (it starts with {start}). Nothing was synced.");
            }

            var validators = Validators.Of(response, body);
            ModelSnapshot<TModel> snapshot;
            try
            {
                snapshot = CatalogImporter.Read(body, _options.Format, _mapping, Name, validators.Version, fetchedAt);
            }
            catch (CatalogFormatException exception)
            {
                throw new CatalogFetchException($"GET {uri}: {exception.Message} Nothing was synced.", exception);
            }

            lock (_lock)
            {
                _fetched = validators;
            }

            LogFetched(_logger, Name, body.Length, validators.Version, snapshot.Models.Count);
            return snapshot;
        }
    }

    /// <inheritdoc/>
    public void OnSynced(ModelSnapshot<TModel> snapshot, SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(report);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            // A dry run wrote nothing, so the data the validators stand for is not in the store yet.
            if (!report.DryRun && _fetched is { } fetched && fetched.Version == snapshot.Version)
            {
                _synced = fetched;
            }

            _fetched = null;
            _status = new ModelSourceStatus(now, now, null, snapshot.Version, 0);
        }
    }

    /// <inheritdoc/>
    public void OnFailed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _fetched = null;
            _status = _status with { LastAttemptAt = now, LastError = exception.Message, ConsecutiveFailures = _status.ConsecutiveFailures + 1 };
        }

        LogFailed(_logger, Name, exception.Message);
    }

    private static Func<HttpClient> ClientOf(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

    // JSON, or text/plain (raw file hosts serve catalogs so); HTML, XML and the rest are refused.
    private static bool IsJsonLike(string mediaType)
        => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);

    private string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException or TaskCanceledException or TimeoutException => $"no complete answer within the timeout ({_options.AttemptTimeout} per attempt, {_options.TotalTimeout} in all)",
        Polly.CircuitBreaker.BrokenCircuitException => "the circuit breaker is open after repeated failures; the source is not asked until it closes",
        HttpRequestException or IOException => Chain(exception),
        _ => null,
    };

    // "An error occurred while sending the request" says little; the inner exceptions say what happened.
    private static string Chain(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            string message = current.Message.TrimEnd('.', ' ');
            if (message.Length > 0 && !messages.Exists(m => m.EndsWith(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        if (messages.Count > 1 && exception is HttpRequestException { HttpRequestError: HttpRequestError.Unknown } && exception.InnerException is not null)
        {
            messages.RemoveAt(0);
        }

        return string.Join(": ", messages);
    }

    [LoggerMessage(20, LogLevel.Information, "Catalog source {Source} not modified since version {Version}")]
    private static partial void LogNotModified(ILogger logger, string source, string? version);

    [LoggerMessage(21, LogLevel.Information, "Catalog source {Source} fetched: {Bytes} bytes, version {Version}, {Models} models")]
    private static partial void LogFetched(ILogger logger, string source, int bytes, string? version, int models);

    [LoggerMessage(22, LogLevel.Warning, "Catalog source {Source} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, string reason);

    private sealed record Validators(string? ETag, DateTimeOffset? LastModified, string Version)
    {
        public static Validators Of(HttpResponseMessage response, byte[] body)
        {
            string? etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified;
            string version = response.Headers.ETag is { } tag ? tag.Tag.Trim('"')
                : lastModified is { } modified ? modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
                : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)).AsSpan(0, 16).ToString();
            return new Validators(etag, lastModified, version);
        }
    }
}
