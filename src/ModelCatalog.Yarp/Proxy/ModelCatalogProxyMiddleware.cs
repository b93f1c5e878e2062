using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelCatalog.AspNetCore;
using ModelCatalog.Gateway;
using Yarp.ReverseProxy;

namespace ModelCatalog.Yarp;

/// <summary>
/// The model handling as a step of YARP's proxy pipeline: reads the request body's model, resolves it, sends the
/// request to the provider's cluster with the upstream model name, and rewrites the response back to the unified ID.
/// Requests without a body to rewrite (GET, HEAD, DELETE, OPTIONS) pass through untouched.
/// </summary>
internal sealed class ModelCatalogProxyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GatewayRequestRewriter _rewriter;
    private readonly IProxyStateLookup _proxyState;
    private readonly ModelCatalogProxyOptions _options;
    private readonly long _maxBodyLength;

    public ModelCatalogProxyMiddleware(RequestDelegate next, GatewayRequestRewriter rewriter, IProxyStateLookup proxyState, IOptions<ModelCatalogProxyOptions> options, IOptions<ModelRewriteOptions> rewriteOptions)
    {
        _next = next;
        _rewriter = rewriter;
        _proxyState = proxyState;
        _options = options.Value;
        _maxBodyLength = rewriteOptions.Value.MaxBodyLength;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var protocol = request.GetGatewayProtocol();
        if (!MediaTypes.IsJson(request.ContentType))
        {
            await context.Response.WriteGatewayErrorAsync(ProxyErrors.UnsupportedMediaType(request.ContentType), protocol).ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > _maxBodyLength)
        {
            await context.Response.WriteGatewayErrorAsync(ProxyErrors.TooLarge(_maxBodyLength), protocol).ConfigureAwait(false);
            return;
        }

        var body = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, _maxBodyLength) + 64);
        var result = await _rewriter.RewriteAsync(request.BodyReader, body, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            await context.Response.WriteGatewayErrorAsync(result.Error!, protocol).ConfigureAwait(false);
            return;
        }

        var clusterId = _options.ClusterFor(result.Model.Id.ProviderId);
        if (!_proxyState.TryGetCluster(clusterId, out var cluster))
        {
            await context.Response.WriteGatewayErrorAsync(ProxyErrors.NoUpstream(result.Resolution.Requested, clusterId), protocol).ConfigureAwait(false);
            return;
        }

        context.ReassignProxyRequest(cluster);

        // The upstream gets the rewritten bytes with their own length; it must not compress the response we rewrite.
        MemoryMarshal.TryGetArray(body.WrittenMemory, out var written);
        request.Body = new MemoryStream(written.Array!, written.Offset, written.Count, writable: false);
        request.Headers.Remove(HeaderNames.TransferEncoding);
        request.ContentLength = body.WrittenCount;
        request.Headers.Remove(HeaderNames.AcceptEncoding);

        var clientBody = context.Response.Body;
        var rewriting = new ModelResponseStream(context.Response, clientBody, RequestModelRewriter.EncodeModel(result.Resolution.Requested), _options);
        context.Response.Body = rewriting;
        try
        {
            await _next(context).ConfigureAwait(false);
            if (context.GetForwarderErrorFeature() is null)
            {
                await rewriting.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            context.Response.Body = clientBody;
            await rewriting.DisposeAsync().ConfigureAwait(false);
        }
    }
}
