using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Gateway;

namespace ModelCatalog.AspNetCore;

/// <summary>Maps the model listing endpoints of a gateway.</summary>
public static class ModelCatalogEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}</c> (the listing) and <c>GET {prefix}/{**id}</c> (one model; the ID keeps its <c>/</c>),
    /// answered from the registered <see cref="IGatewayModelDirectory"/> with active, visible models only. Requests
    /// with an <c>anthropic-version</c> header get Anthropic's shape (paged with <c>before_id</c>, <c>after_id</c>,
    /// <c>limit</c>), others OpenAI's. The ID may come with literal slashes or as one escaped segment
    /// (<c>openai%2Fgpt-4o</c>, as the official SDKs send it): it is decoded once from the raw request target, so
    /// <c>%252F</c> stays <c>%2F</c>. Unknown, inactive and hidden models answer 404 <c>model_not_found</c>, an invalid
    /// ID 400 <c>invalid_model</c>, in the client's protocol.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix; <c>/v1/models</c> by default.</param>
    /// <returns>The route group, to add authorization, rate limiting or other conventions.</returns>
    public static RouteGroupBuilder MapModelCatalogModels(this IEndpointRouteBuilder endpoints, string prefix = "/v1/models")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/", ListAsync).WithName("ModelCatalog.ListModels");
        group.MapGet("/{**id}", GetAsync).WithName("ModelCatalog.GetModel");
        return group;
    }

    private static async Task ListAsync(HttpContext context)
    {
        var directory = context.RequestServices.GetRequiredService<IGatewayModelDirectory>();
        var protocol = context.Request.GetGatewayProtocol();
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        if (protocol == GatewayProtocol.Anthropic)
        {
            var query = context.Request.Query;
            if (!ModelListQuery.TryCreate(query["before_id"], query["after_id"], query["limit"], out var listQuery, out var error))
            {
                await response.WriteGatewayErrorAsync(error!, protocol).ConfigureAwait(false);
                return;
            }

            var page = await ModelListing.PageAsync(directory, listQuery, cancellationToken).ConfigureAwait(false);
            response.ContentType = "application/json";
            ModelListWriter.WriteAnthropicList(response.BodyWriter, page);
        }
        else
        {
            var models = await ModelListing.ListAsync(directory, cancellationToken).ConfigureAwait(false);
            response.ContentType = "application/json";
            ModelListWriter.WriteOpenAIList(response.BodyWriter, models);
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task GetAsync(HttpContext context)
    {
        var directory = context.RequestServices.GetRequiredService<IGatewayModelDirectory>();
        var protocol = context.Request.GetGatewayProtocol();
        var text = RawModelIdReader.Read(context, context.Request.RouteValues["id"] as string ?? string.Empty);
        if (!UnifiedModelId.TryParse(text, out var id, out var reason, out var position))
        {
            await context.Response.WriteGatewayErrorAsync(GatewayError.InvalidModelId(text, reason, position), protocol).ConfigureAwait(false);
            return;
        }

        var model = await ModelListing.FindListedAsync(directory, id, context.RequestAborted).ConfigureAwait(false);
        if (model is null)
        {
            await context.Response.WriteGatewayErrorAsync(GatewayError.ModelNotFound(text), protocol).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        if (protocol == GatewayProtocol.Anthropic)
        {
            ModelListWriter.WriteAnthropicModel(context.Response.BodyWriter, model);
        }
        else
        {
            ModelListWriter.WriteOpenAIModel(context.Response.BodyWriter, model);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
