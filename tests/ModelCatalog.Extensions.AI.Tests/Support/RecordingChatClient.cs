using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ModelCatalog.Extensions.AI.Tests.Support;

/// <summary>A provider client that records every call it receives and answers as its provider would: with the model it was sent.</summary>
public sealed class RecordingChatClient(string providerName, UsageDetails? usage = null) : IChatClient
{
    public ConcurrentQueue<(string? ModelId, string Text, bool Streamed)> Calls { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string text = string.Concat(messages.Select(m => m.Text));
        Calls.Enqueue((options?.ModelId, text, false));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"{providerName} got {options?.ModelId}")) { ModelId = options?.ModelId, Usage = usage });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((options?.ModelId, string.Concat(messages.Select(m => m.Text)), true));
        foreach (var part in new[] { providerName, " got ", options?.ModelId })
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, part) { ModelId = options?.ModelId };
        }

        if (usage is not null)
        {
            yield return new ChatResponseUpdate { ModelId = options?.ModelId, Contents = [new UsageContent(usage)] };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(providerName, new Uri("http://127.0.0.1/" + providerName), null) : null;

    public void Dispose()
    {
    }
}
