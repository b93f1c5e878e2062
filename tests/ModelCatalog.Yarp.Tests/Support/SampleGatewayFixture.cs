using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using ModelCatalog.Gateway.Sample;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>
/// The sample gateway as it ships (YARP, the catalog in a fresh SQLite file synced from a catalog file at start-up) on
/// 127.0.0.1, with its clusters pointed at a <see cref="FakeUpstream"/>.
/// </summary>
public sealed class SampleGatewayFixture : IAsyncLifetime
{
    // Written for these tests: IDs with '/' and ':' in the model name, an inactive and a hidden model, a provider
    // with no cluster, and one whose upstream answers with its own error.
    private const string Catalog = """
        {
          "source": "yarp-tests",
          "version": "1",
          "models": [
            {"id": "openai/gpt-4o", "display_name": "GPT-4o", "context_window": 128000, "max_output_tokens": 16384},
            {"id": "openai/gpt-3.5-turbo", "display_name": "GPT-3.5 Turbo", "is_active": false},
            {"id": "openai/internal-eval", "display_name": "Internal", "is_visible": false},
            {"id": "openai/upstream-error", "display_name": "Fails upstream"},
            {"id": "anthropic/claude-3-5-sonnet-20241022", "display_name": "Claude 3.5 Sonnet", "context_window": 200000, "max_output_tokens": 8192},
            {"id": "openrouter/meta-llama/llama-3.1-70b-instruct", "display_name": "Llama 3.1 70B"},
            {"id": "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", "display_name": "Claude 3.5 Sonnet on Bedrock"},
            {"id": "mistral/mistral-large", "display_name": "Mistral Large"}
          ]
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-issue13-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _gateway;

    public FakeUpstream Upstream { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var catalogFile = Path.Combine(_folder, "catalog.json");
        await File.WriteAllTextAsync(catalogFile, Catalog);
        Upstream = await FakeUpstream.StartAsync();
        var upstream = Upstream.Address.ToString().TrimEnd('/');
        _gateway = SampleGateway.Build([], builder =>
        {
            Loopback.Bind(builder);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ModelCatalog:Database"] = $"Data Source={Path.Combine(_folder, "gateway.db")};Pooling=False",
                ["ModelCatalog:CatalogFile"] = catalogFile,
                ["ModelCatalog:DemoUpstream"] = "false",
                ["ModelCatalog:ProviderClusters:openai"] = "openai",
                ["ModelCatalog:ProviderClusters:anthropic"] = "anthropic",
                ["ModelCatalog:ProviderClusters:bedrock"] = "anthropic",
                ["ModelCatalog:ProviderClusters:openrouter"] = "openrouter",
                ["ReverseProxy:Routes:provider-api:ClusterId"] = "openai",
                ["ReverseProxy:Routes:provider-api:Match:Path"] = "/v1/{**rest}",
                ["ReverseProxy:Routes:provider-api:Match:Methods:0"] = "POST",
                ["ReverseProxy:Clusters:openai:Destinations:main:Address"] = upstream + "/demo/openai/",
                ["ReverseProxy:Clusters:anthropic:Destinations:main:Address"] = upstream + "/demo/anthropic/",
                ["ReverseProxy:Clusters:openrouter:Destinations:main:Address"] = upstream + "/demo/openrouter/",
            });
        });
        await _gateway.StartAsync();
        Address = new Uri(Loopback.AddressOf(_gateway));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        await Upstream.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left in the temp folder.
        }
    }
}
