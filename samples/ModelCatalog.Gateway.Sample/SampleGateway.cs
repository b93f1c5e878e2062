using Microsoft.EntityFrameworkCore;
using ModelCatalog.AspNetCore;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.Sources;

namespace ModelCatalog.Gateway.Sample;

/// <summary>
/// The sample gateway: the catalog in SQLite, synced from a catalog file at start-up; <c>GET /v1/models</c> answered
/// from it; every other <c>/v1/...</c> request proxied by YARP to the provider's cluster with the model handling.
/// </summary>
public static class SampleGateway
{
    /// <summary>Builds the gateway from <paramref name="args"/> and the settings files.</summary>
    /// <param name="args">Command-line arguments; <c>--Key=Value</c> overrides a setting.</param>
    /// <param name="configure">Changes the builder before the app is built (tests set addresses and files), or <see langword="null"/>.</param>
    /// <returns>The app, not started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection("ModelCatalog");
        var database = settings["Database"] ?? "Data Source=gateway.db";
        var catalogFile = Path.GetFullPath(settings["CatalogFile"] ?? "catalog.json", builder.Environment.ContentRootPath);

        // Tables first: hosted services start in order, and the catalog's sync runs as one of them.
        builder.Services.AddHostedService<CatalogTables>();
        builder.Services.AddModelCatalog(options => options.SyncOnStartup = true)
            .AddSource(new CatalogFileSource(catalogFile, CatalogFormat.ModelCatalog))
            .UseEntityFrameworkCore<ModelCatalogDbContext>(options => options.UseSqlite(database));
        builder.Services.AddCatalogGatewayModelDirectory<CatalogModel>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddModelCatalog(settings.GetSection("ProviderClusters"));

        var app = builder.Build();
        app.MapModelCatalogModels();
        app.MapModelCatalogReverseProxy();
        if (settings.GetValue("DemoUpstream", false))
        {
            DemoUpstream.Map(app);
        }

        return app;
    }
}
