using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.AspNetCore;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Gateway.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (<see cref="Loopback"/>) serving the model endpoints.</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's address, <c>http://127.0.0.1:port</c>.</summary>
    public Uri Address => Client.BaseAddress!;

    public async Task InitializeAsync()
    {
        var builder = Loopback.Builder();
        builder.Services.AddInMemoryGatewayModelDirectory(SampleModels.WithEscapingIds());
        builder.Services.AddModelCatalogGateway();
        _app = builder.Build();
        _app.MapModelCatalogModels();
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(Loopback.AddressOf(_app)) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
