using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Tests.Support;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Sources.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the system) serving ../shared/data snapshots under their
/// relative paths (<c>/litellm/model_prices_2025-06-27.json</c>) with a strong ETag (a hash of the bytes) and a
/// Last-Modified date, answering 304 to a matching If-None-Match, or failing as <see cref="Mode"/> says.
/// <see cref="Alias"/> maps a served path to another file, so a test can change what one URL serves.
/// </summary>
public sealed class CatalogServer : IAsyncDisposable
{
    private static readonly DateTimeOffset LastModified = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RequestLog> _requests = new();

    private CatalogServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    private volatile ServerMode _mode;

    public ServerMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public ConcurrentDictionary<string, string> Alias { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RequestLog> Requests => [.. _requests];

    public Uri Url(string folder, string file) => new(Address, $"/{folder}/{file}");

    public static async Task<CatalogServer> StartAsync()
    {
        var app = Loopback.Builder().Build();
        CatalogServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = Loopback.AddressOf(app);
        server = new CatalogServer(app, new Uri(address));
        return server;
    }

    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value!.TrimStart('/');
        string? ifNoneMatch = context.Request.Headers.IfNoneMatch.FirstOrDefault();
        string? authorization = context.Request.Headers.Authorization.FirstOrDefault();
        var response = context.Response;
        var mode = Mode;
        // Logged on arrival: a client may finish reading before this handler returns.
        var log = new RequestLog(path, ifNoneMatch, authorization);
        _requests.Enqueue(log);
        response.OnStarting(() =>
        {
            log.Status = response.StatusCode;
            return Task.CompletedTask;
        });
        {
            switch (mode)
            {
                case ServerMode.Error500:
                    response.StatusCode = 500;
                    return;
                case ServerMode.Slow:
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                    return;
                case ServerMode.Reset:
                    context.Abort();
                    return;
                case ServerMode.Html or ServerMode.HtmlLabelledJson:
                    response.ContentType = mode == ServerMode.Html ? "text/html; charset=utf-8" : "application/json";
                    await response.WriteAsync("<html><body>Service temporarily unavailable</body></html>");
                    return;
            }

            string file = Alias.TryGetValue(path, out var aliased) ? aliased : path;
            string full = SharedData.Path(file.Split('/'));
            if (!File.Exists(full))
            {
                response.StatusCode = 404;
                return;
            }

            byte[] bytes = await File.ReadAllBytesAsync(full);
            string etag = ETagOf(bytes);
            response.Headers.ETag = etag;
            response.Headers.LastModified = LastModified.ToString("R");
            if (ifNoneMatch == etag)
            {
                response.StatusCode = 304;
                return;
            }

            response.ContentType = "application/json";
            if (mode == ServerMode.Truncated)
            {
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await response.Body.FlushAsync();
                context.Abort();
                return;
            }

            if (mode != ServerMode.Chunked)
            {
                response.ContentLength = bytes.Length;
            }

            await response.Body.WriteAsync(bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
