using Microsoft.AspNetCore.Routing;
using ModelCatalog.Yarp;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts the model handling into YARP's proxy pipeline.</summary>
public static class ModelCatalogReverseProxyApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the model handling to a custom proxy pipeline. Put it first, before <c>UseSessionAffinity()</c>,
    /// <c>UseLoadBalancing()</c> and <c>UsePassiveHealthChecks()</c>: it chooses the cluster those pick a destination of.
    /// </summary>
    /// <param name="proxyPipeline">The proxy pipeline given to <c>MapReverseProxy(pipeline =&gt; ...)</c>.</param>
    /// <returns><paramref name="proxyPipeline"/>, for chaining.</returns>
    public static IReverseProxyApplicationBuilder UseModelCatalog(this IReverseProxyApplicationBuilder proxyPipeline)
    {
        ArgumentNullException.ThrowIfNull(proxyPipeline);
        proxyPipeline.UseMiddleware<ModelCatalogProxyMiddleware>();
        return proxyPipeline;
    }

    /// <summary>
    /// Maps YARP's routes with the model handling followed by YARP's standard steps (session affinity, load balancing,
    /// passive health checks).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The convention builder of the proxy endpoints.</returns>
    public static ReverseProxyConventionBuilder MapModelCatalogReverseProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapReverseProxy(static pipeline =>
        {
            pipeline.UseModelCatalog();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
    }
}
