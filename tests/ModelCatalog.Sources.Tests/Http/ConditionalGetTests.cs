using ModelCatalog.Sources.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Sources.Tests.Http;

/// <summary>An HTTP source against a real Kestrel server serving ../shared/data with ETag and Last-Modified.</summary>
public sealed class ConditionalGetTests : IAsyncLifetime
{
    private CatalogServer _server = null!;

    public async Task InitializeAsync() => _server = await CatalogServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_first_sync_fetches_the_second_gets_304_and_writes_nothing_and_changed_content_syncs_as_a_new_version()
    {
        const string path = "litellm/current.json";
        _server.Alias[path] = "litellm/model_prices_2025-01-31.json";
        await using var host = HttpCatalog.Create(new Uri(_server.Address, path), CatalogMapping.Default, o => o.Format = CatalogFormat.LiteLlm);
        string firstTag = CatalogServer.ETagOf(await File.ReadAllBytesAsync(SharedData.Path("litellm", "model_prices_2025-01-31.json")));

        var first = await host.SyncAsync();
        string afterFirst = await host.FingerprintAsync();
        var second = await host.SyncAsync();
        string afterSecond = await host.FingerprintAsync();
        _server.Alias[path] = "litellm/model_prices_2025-06-27.json";
        var third = await host.SyncAsync();

        Assert.True(first.Created > 700);
        Assert.Equal(firstTag.Trim('"'), first.SourceVersion);
        Assert.True(second.NotModified);
        Assert.Equal((0, 0), (second.Writes, second.Models.Count));
        Assert.Equal(afterFirst, afterSecond);
        var requests = _server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal((firstTag, 304), (requests[1].IfNoneMatch, requests[1].Status));
        Assert.Equal((firstTag, 200), (requests[2].IfNoneMatch, requests[2].Status));
        Assert.False(third.NotModified);
        Assert.NotEqual(first.SourceVersion, third.SourceVersion);
        Assert.True(third.Created > 0 && third.Updated > 0);
        var gpt4o = (await host.Catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")))!;
        Assert.Equal(third.SourceVersion, gpt4o.SyncState.SourceVersion);
    }

    [Fact]
    public async Task A_304_writes_nothing_to_the_store()
    {
        await using var host = HttpCatalog.Create(_server.Url("openrouter", "models_2026-02-27.json"), CatalogMapping.Default);
        await host.SyncAsync();
        string before = await host.FingerprintAsync();

        var report = await host.SyncAsync();

        Assert.True(report.NotModified);
        Assert.Equal(before, await host.FingerprintAsync());
        Assert.Equal(304, _server.Requests[^1].Status);
    }

    [Fact]
    public async Task A_dry_run_keeps_no_validator_so_the_next_real_sync_fetches_the_body_again()
    {
        await using var host = HttpCatalog.Create(_server.Url("modelsdev", "models_2025-12-30.json"), CatalogMapping.Default);

        var dry = await host.SyncAsync(new ModelCatalog.Sync.SyncOptions { DryRun = true });
        var real = await host.SyncAsync();

        Assert.True(dry.Created > 0);
        Assert.Equal(dry.Created, real.Created);
        Assert.Null(_server.Requests[1].IfNoneMatch);
    }

    [Theory]
    [InlineData("litellm", "model_prices_2025-06-27.json", "openai/gpt-4o")]
    [InlineData("openrouter", "models_2026-02-27.json", "openrouter/openai/gpt-4o")]
    [InlineData("modelsdev", "models_2025-12-30.json", "openai/gpt-4o")]
    public async Task Every_format_is_fetched_and_detected_from_the_content(string folder, string file, string id)
    {
        await using var host = HttpCatalog.Create(_server.Url(folder, file), CatalogMapping.Default);

        var report = await host.SyncAsync();

        Assert.True(report.Created > 100);
        Assert.NotNull(await host.Catalog.FindAsync(UnifiedModelId.Parse(id)));
    }

    [Fact]
    public async Task The_authorization_header_is_sent_and_never_logged()
    {
        var logs = new CapturingLoggerProvider();
        await using (var host = HttpCatalog.Create(
            _server.Url("litellm", "model_prices_2024-06-29.json"), CatalogMapping.Default, o => o.Authorization = "Bearer s3cret-token", logs: logs))
        {
            await host.SyncAsync();
            await host.SyncAsync();
        }

        Assert.All(_server.Requests, r => Assert.Equal("Bearer s3cret-token", r.Authorization));
        Assert.Contains(logs.Lines, l => l.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("s3cret", StringComparison.Ordinal));
    }
}
