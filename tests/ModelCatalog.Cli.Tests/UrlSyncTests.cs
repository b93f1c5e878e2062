using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>modelcatalog sync http://127.0.0.1:PORT/...</c> against a real Kestrel server on loopback.</summary>
public sealed class UrlSyncTests : IAsyncLifetime, IDisposable
{
    private const string ETag = "\"litellm-2025-06-27\"";
    private readonly CliRun _cli = new();
    private WebApplication _server = null!;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        _server = Loopback.Builder().Build();
        _server.MapGet("/litellm.json", (HttpContext context) =>
        {
            context.Response.Headers.ETag = ETag;
            return Results.File(SharedData.Path("litellm", "model_prices_2025-06-27.json"), "application/json");
        });
        _server.MapGet("/login", () => Results.Content("<html><body>Sign in</body></html>", "text/html"));
        await _server.StartAsync();
        _address = Loopback.AddressOf(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_LiteLLM_map_syncs_from_a_url_without_a_format_and_takes_its_version_from_the_ETag()
    {
        var report = await _cli.JsonAsync("sync", $"{_address}/litellm.json");
        var listed = await _cli.JsonAsync("list");

        // The version is the ETag without its quotes (the HTTP source's rule), so it reads like a file's version.
        Assert.Equal("litellm-2025-06-27", report.GetProperty("source_version").GetString());
        Assert.True(report.GetProperty("created").GetInt32() > 1000, report.ToString());
        Assert.Equal(report.GetProperty("created").GetInt32(), listed.GetArrayLength());
    }

    [Fact]
    public async Task A_url_that_answers_a_login_page_fails_clearly_and_leaves_the_database_as_it_was()
    {
        await _cli.RunAsync("sync", CliRun.Sample("catalog.v1.json"));
        string before = _cli.DatabaseHash();

        var (exit, _, error) = await _cli.RunAsync("sync", $"{_address}/login");

        Assert.Equal(1, exit);
        Assert.Contains("answered 'text/html', not JSON", error, StringComparison.Ordinal);
        Assert.Contains("/login", error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", error.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, _cli.DatabaseHash());
    }
}
