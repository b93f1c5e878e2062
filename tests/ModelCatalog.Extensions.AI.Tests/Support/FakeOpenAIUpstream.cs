using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Extensions.AI.Tests.Support;

/// <summary>
/// An OpenAI-compatible upstream on a real Kestrel server at 127.0.0.1: <c>POST /v1/chat/completions</c>, plain or
/// streamed, answering with the model it received and recording it.
/// </summary>
public sealed class FakeOpenAIUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<string> ReceivedModels { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeOpenAIUpstream> StartAsync()
    {
        var app = Loopback.Builder().Build();
        var upstream = new FakeOpenAIUpstream(app);
        app.MapPost("/v1/chat/completions", upstream.CompleteAsync);
        await app.StartAsync();
        upstream.Endpoint = new Uri(Loopback.AddressOf(app) + "/v1");
        return upstream;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        string model = body.RootElement.GetProperty("model").GetString()!;
        bool stream = body.RootElement.TryGetProperty("stream", out var s) && s.GetBoolean();
        ReceivedModels.Enqueue(model);
        string text = JsonSerializer.Serialize($"upstream got {model}");
        string m = JsonSerializer.Serialize(model);
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"id":"c1","object":"chat.completion","created":1,"model":{{{m}}},"choices":[{"index":0,"message":{"role":"assistant","content":{{{text}}}},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}""");
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync($$$"""data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":{{{m}}},"choices":[{"index":0,"delta":{"role":"assistant","content":{{{text}}}},"finish_reason":null}]}""" + "\n\n");
        await context.Response.WriteAsync($$$"""data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":{{{m}}},"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""" + "\n\n");
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
