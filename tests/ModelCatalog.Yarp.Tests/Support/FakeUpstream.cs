using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Gateway.Sample;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>
/// The provider side on loopback: the sample's demo upstream (chat completions, responses, messages; plain and
/// streamed; its text names the model it received) on its own Kestrel server, recording every request's bytes.
/// A model named <c>upstream-error</c> gets the provider's own 400 error body.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    public const string ErrorBody = """{"error":{"message":"Upstream says no to model upstream-error.","type":"invalid_request_error","param":null,"code":"upstream_error"}}""";

    private readonly WebApplication _app;

    private FakeUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeUpstream> StartAsync()
    {
        var app = Loopback.Builder().Build();
        var upstream = new FakeUpstream(app);
        app.Use(upstream.RecordAsync);
        DemoUpstream.Map(app);
        await app.StartAsync();
        upstream.Address = new Uri(Loopback.AddressOf(app));
        return upstream;
    }

    public RecordedRequest Last() => Requests.Last();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var copy = new MemoryStream();
        await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
        var body = copy.ToArray();
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (System.Text.Encoding.UTF8.GetString(body).Contains("\"upstream-error\"", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ErrorBody, context.RequestAborted);
            return;
        }

        context.Request.Body = new MemoryStream(body);
        await next(context);
    }
}
