using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ModelCatalog.Testing.Http;

/// <summary>
/// The one way the tests' and benchmarks' HTTP servers start: Kestrel on 127.0.0.1 only, a port the system picks, no
/// logging. Linked as source into each project that runs a server (they reference ASP.NET Core; the shared testing
/// library does not).
/// </summary>
internal static class Loopback
{
    /// <summary>A slim builder already bound to loopback.</summary>
    public static WebApplicationBuilder Builder() => Bind(WebApplication.CreateSlimBuilder());

    /// <summary>Binds an existing builder (for example the sample gateway's) to loopback and silences its logging.</summary>
    public static WebApplicationBuilder Bind(WebApplicationBuilder builder)
    {
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>The address a started app listens on, as Kestrel reports it (<c>http://127.0.0.1:PORT</c>).</summary>
    public static string AddressOf(WebApplication app)
        => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
}
