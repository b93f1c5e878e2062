using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ModelCatalog.AspNetCore;

/// <summary>
/// Reads the model ID of <c>GET /v1/models/{**id}</c> from the raw request target, decoded exactly once.
/// </summary>
/// <remarks>
/// The official SDKs escape the ID as one path segment (<c>openai%2Fgpt-4o</c>). Kestrel leaves <c>%2F</c> encoded in
/// the route value but decodes <c>%25</c>, so the route value cannot tell <c>%252F</c> (a model name with a literal
/// <c>%2F</c>) from <c>%2F</c> (a slash). The raw target can: its last segments, as many as the route value has, are
/// each percent-decoded once and joined with <c>/</c>.
/// </remarks>
internal static class RawModelIdReader
{
    public static string Read(HttpContext context, string routeValue)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return routeValue;
        }

        var path = raw.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.Length == 0 || path[0] != '/')
        {
            // Absolute form (a proxy request) or asterisk form: the route value is all there is.
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
            {
                return routeValue;
            }

            path = absolute.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped).AsSpan();
        }

        var segments = routeValue.AsSpan().Count('/') + 1;
        var start = path.Length;
        for (var i = 0; i < segments; i++)
        {
            var slash = path[..start].LastIndexOf('/');
            if (slash < 0)
            {
                return routeValue;
            }

            start = slash;
        }

        var encoded = path[(start + 1)..];

        // Dot segments were removed from the route's path by the server: the raw tail would not line up with it.
        foreach (var segment in encoded.Split('/'))
        {
            if (encoded[segment] is "." or ".." || encoded[segment].Contains('%') && Uri.UnescapeDataString(encoded[segment].ToString()) is "." or "..")
            {
                return routeValue;
            }
        }

        return Uri.UnescapeDataString(encoded.ToString());
    }
}
