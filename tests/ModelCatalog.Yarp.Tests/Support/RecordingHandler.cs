using System.Collections.Concurrent;

namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>The client side's wire: records the bytes each SDK request sends, so the upstream's copy can be compared.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<byte[]> Bodies { get; } = new();

    public byte[] Last() => Bodies.Last();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Bodies.Enqueue(body);
            var replaced = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = replaced;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
