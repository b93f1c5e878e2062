using System.Net;

namespace ModelCatalog.Sources;

/// <summary>
/// Sits inside the resilience pipeline and reads a successful response's body there, so a connection cut mid-body, a
/// truncated body or a slow body is a failed attempt that the pipeline times out and retries, not a failure after it.
/// The size bound applies here too; a body over the bound is not retried (it would be as large again).
/// </summary>
internal sealed class BufferingHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        try
        {
            byte[] body = await HttpBody.ReadAsync(response.Content, maxBytes, request.RequestUri!, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
