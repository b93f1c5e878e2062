using System.Text.Json;

namespace ModelCatalog.Gateway.Sample;

/// <summary>
/// A stand-in provider for trying the gateway without API keys: <c>/demo/{provider}/v1/chat/completions</c>,
/// <c>/v1/responses</c> and <c>/v1/messages</c> answer (plain or streamed) with a canned text that names the model
/// the upstream received. Point the clusters at the real providers to use the gateway for real.
/// </summary>
internal static class DemoUpstream
{
    public static void Map(WebApplication app)
    {
        var demo = app.MapGroup("/demo/{provider}/v1");
        demo.MapPost("/chat/completions", ChatAsync);
        demo.MapPost("/responses", ResponsesAsync);
        demo.MapPost("/messages", MessagesAsync);
    }

    private static async Task ChatAsync(HttpContext context)
    {
        var (model, stream) = await ReadAsync(context).ConfigureAwait(false);
        var text = JsonSerializer.Serialize($"Hello from the demo upstream; it received model '{model}'.");
        var name = JsonSerializer.Serialize(model);
        if (stream)
        {
            await SendEventsAsync(context, [
                $$$"""data: {"id":"chatcmpl-demo","object":"chat.completion.chunk","created":0,"model":{{{name}}},"choices":[{"index":0,"delta":{"role":"assistant","content":{{{text}}}},"finish_reason":null}]}""",
                $$$"""data: {"id":"chatcmpl-demo","object":"chat.completion.chunk","created":0,"model":{{{name}}},"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
                "data: [DONE]"]).ConfigureAwait(false);
            return;
        }

        await SendJsonAsync(context, $$$"""{"id":"chatcmpl-demo","object":"chat.completion","created":0,"model":{{{name}}},"choices":[{"index":0,"message":{"role":"assistant","content":{{{text}}}},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""").ConfigureAwait(false);
    }

    private static async Task ResponsesAsync(HttpContext context)
    {
        var (model, stream) = await ReadAsync(context).ConfigureAwait(false);
        var text = JsonSerializer.Serialize($"Hello from the demo upstream; it received model '{model}'.");
        var name = JsonSerializer.Serialize(model);
        var response = $$$"""{"id":"resp_demo","object":"response","created_at":0,"status":"completed","model":{{{name}}},"output":[{"type":"message","id":"msg_demo","status":"completed","role":"assistant","content":[{"type":"output_text","text":{{{text}}},"annotations":[]}]}],"usage":{"input_tokens":1,"output_tokens":1,"total_tokens":2}}""";
        if (stream)
        {
            await SendEventsAsync(context, [
                $$$"""event: response.created{{{"\n"}}}data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_demo","object":"response","created_at":0,"status":"in_progress","model":{{{name}}},"output":[]}}""",
                $$$"""event: response.output_text.delta{{{"\n"}}}data: {"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_demo","output_index":0,"content_index":0,"delta":{{{text}}}}""",
                $$$"""event: response.completed{{{"\n"}}}data: {"type":"response.completed","sequence_number":2,"response":{{{response}}}}"""]).ConfigureAwait(false);
            return;
        }

        await SendJsonAsync(context, response).ConfigureAwait(false);
    }

    private static async Task MessagesAsync(HttpContext context)
    {
        var (model, stream) = await ReadAsync(context).ConfigureAwait(false);
        var text = JsonSerializer.Serialize($"Hello from the demo upstream; it received model '{model}'.");
        var name = JsonSerializer.Serialize(model);
        if (stream)
        {
            await SendEventsAsync(context, [
                $$$"""event: message_start{{{"\n"}}}data: {"type":"message_start","message":{"id":"msg_demo","type":"message","role":"assistant","model":{{{name}}},"content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1} } }""",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                $$$"""event: content_block_delta{{{"\n"}}}data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":{{{text}}}}}""",
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}",
                "event: message_stop\ndata: {\"type\":\"message_stop\"}"]).ConfigureAwait(false);
            return;
        }

        await SendJsonAsync(context, $$$"""{"id":"msg_demo","type":"message","role":"assistant","model":{{{name}}},"content":[{"type":"text","text":{{{text}}}}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}""").ConfigureAwait(false);
    }

    private static async Task<(string Model, bool Stream)> ReadAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var root = body.RootElement;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        return (model, stream);
    }

    private static async Task SendJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task SendEventsAsync(HttpContext context, IEnumerable<string> events)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var item in events)
        {
            await context.Response.WriteAsync(item + "\n\n", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
