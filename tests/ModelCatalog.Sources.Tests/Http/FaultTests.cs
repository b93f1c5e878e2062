using ModelCatalog.Sources.Tests.Support;

namespace ModelCatalog.Sources.Tests.Http;

/// <summary>
/// Every way a server can fail: the sync fails with a clear error naming the URL, the store is unchanged, and
/// transient failures are retried (the server counts the attempts: 1 + MaxRetryAttempts = 3).
/// </summary>
public sealed class FaultTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private CatalogServer _server = null!;

    public async Task InitializeAsync() => _server = await CatalogServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<ServerMode, string, int> Faults => new()
    {
        { ServerMode.Error500, "answered 500 Internal Server Error", 3 },
        { ServerMode.Slow, "no complete answer within the timeout", 3 },
        { ServerMode.Reset, "failed: (The response ended prematurely|.*Connection reset by peer)", 3 },
        { ServerMode.Truncated, "failed: (The response ended prematurely|.*Connection reset by peer)", 3 },
        { ServerMode.Html, "answered 'text/html', not JSON \\(an error or login page\\?\\)", 1 },
        { ServerMode.HtmlLabelledJson, "not a JSON object or array \\(it starts with '<'\\)", 1 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_server_fails_the_sync_with_a_clear_error_leaves_the_store_unchanged_and_retries_transient_failures(ServerMode mode, string expectedPattern, int attempts)
    {
        const string path = "litellm/current.json";
        _server.Alias[path] = "litellm/model_prices_2024-06-29.json";
        // Only the slow server needs a short attempt timeout; elsewhere a short one lets a loaded CI machine turn
        // one slow answer into a retry, and the attempt count would no longer prove what the test claims.
        var attemptTimeout = mode == ServerMode.Slow ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(10);
        await using var host = HttpCatalog.Create(new Uri(_server.Address, path), CatalogMapping.Default, o => o.AttemptTimeout = attemptTimeout);
        await host.SyncAsync();
        string before = await host.FingerprintAsync();
        _server.Alias[path] = "litellm/model_prices_2025-01-31.json";
        _server.Mode = mode;
        int requestsBefore = _server.Requests.Count;

        var exception = await Assert.ThrowsAsync<CatalogFetchException>(async () => await host.SyncAsync());
        output.WriteLine(exception.Message);

        Assert.Matches(expectedPattern, exception.Message);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was synced.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.FingerprintAsync());
        Assert.Equal(attempts, _server.Requests.Count - requestsBefore);
        Assert.Equal(1, host.Status.Status.ConsecutiveFailures);
        Assert.Equal(exception.Message, host.Status.Status.LastError);
    }

    [Theory]
    [InlineData(ServerMode.Ok)]
    [InlineData(ServerMode.Chunked)]
    public async Task An_oversized_body_fails_once_without_retry_whether_its_length_is_declared_or_not(ServerMode mode)
    {
        _server.Mode = mode;
        await using var host = HttpCatalog.Create(_server.Url("litellm", "model_prices_2025-06-27.json"), CatalogMapping.Default, o => o.MaxResponseBytes = 100_000);

        var exception = await Assert.ThrowsAsync<CatalogFetchException>(async () => await host.SyncAsync());

        Assert.Contains("than the 100,000-byte limit", exception.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await host.FingerprintAsync());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task After_a_failure_the_next_sync_succeeds_once_the_server_recovers()
    {
        _server.Mode = ServerMode.Error500;
        await using var host = HttpCatalog.Create(_server.Url("openrouter", "models_2026-05-15.json"), CatalogMapping.Default);
        await Assert.ThrowsAsync<CatalogFetchException>(async () => await host.SyncAsync());

        _server.Mode = ServerMode.Ok;
        var report = await host.SyncAsync();

        Assert.True(report.Created > 100);
        Assert.Equal((0, null), (host.Status.Status.ConsecutiveFailures, host.Status.Status.LastError));
    }

    [Fact]
    public async Task A_slow_server_is_cut_at_the_attempt_timeout_on_every_attempt()
    {
        _server.Mode = ServerMode.Slow;
        await using var host = HttpCatalog.Create(
            _server.Url("openrouter", "models_2026-05-15.json"), CatalogMapping.Default, o => (o.AttemptTimeout, o.MaxRetryAttempts) = (TimeSpan.FromMilliseconds(300), 1));

        var exception = await Assert.ThrowsAsync<CatalogFetchException>(async () => await host.SyncAsync());

        Assert.Contains("00:00:00.3000000 per attempt", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }
}
