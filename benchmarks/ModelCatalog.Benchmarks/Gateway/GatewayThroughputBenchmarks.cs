using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.Gateway.Sample;
using Yarp.ReverseProxy.Configuration;
using ModelCatalog.Testing.Http;

namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>
/// Requests per second through the sample gateway (YARP + the catalog's model handling: resolve the unified ID from the
/// read model, rewrite the request body, rewrite the response) beside plain YARP forwarding to the same upstream with no
/// model handling. All three servers run in this process on 127.0.0.1; one operation is one chat request, sent by
/// <see cref="Concurrency"/> clients in parallel, <see cref="RequestsPerClient"/> each (a bounded load). Per-request
/// latency percentiles (p50, p99) and CPU time per request of the last invocations are printed when a case ends.
/// </summary>
/// <remarks>
/// Run it out of process with several launches (benchmarks/README.md has the command and the figures). In process
/// (<c>--inProcess</c>) the case that runs second is measured in a warmer process, even after a long warm-up of both
/// paths in the set-up (tried), which made the gateway look 10–40% faster than plain YARP; and one process is either
/// fast or slow for all of its iterations, so one launch per case says little. That state was warm-up: with 10 warm-up
/// iterations the per-iteration times still fell by half through the measured ones (tiered JIT and PGO on two busy
/// cores); 60 warm-up iterations reach the steady state a long-running gateway is in.
/// </remarks>
[MemoryDiagnoser]
public class GatewayThroughputBenchmarks
{
    private const int Concurrency = 8;
    private const int RequestsPerClient = 16;
    private const int Requests = Concurrency * RequestsPerClient;

    // The last invocations' latencies and CPU time: at the documented settings (15 measured iterations of about ten
    // invocations) about the measured phase, without the long warm-up that JIT tiering needs on two cores.
    private const int RecentInvocations = 150;
    private readonly Queue<(double[] Latencies, TimeSpan Cpu)> _recent = new();
    private string _case = string.Empty;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-throughput-" + Guid.NewGuid().ToString("N"));
    private WebApplication _upstream = null!;
    private WebApplication _plain = null!;
    private WebApplication _gateway = null!;
    private HttpClient _client = null!;
    private Uri _plainChat = null!;
    private Uri _gatewayChat = null!;

    // Synchronous on purpose: every toolchain runs a synchronous setup to completion before the first iteration.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_folder);
        _upstream = Loopback.Builder().Build();
        DemoUpstream.Map(_upstream);
        await _upstream.StartAsync();
        string upstream = AddressOf(_upstream) + "/demo/openai/";

        var plain = Loopback.Builder();
        plain.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "openai", Match = new RouteMatch { Path = "/v1/{**rest}" } }],
            [new ClusterConfig { ClusterId = "openai", Destinations = new Dictionary<string, DestinationConfig> { ["main"] = new() { Address = upstream } } }]);
        _plain = plain.Build();
        _plain.MapReverseProxy();
        await _plain.StartAsync();

        _gateway = SampleGateway.Build([], builder =>
        {
            Loopback.Bind(builder);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ModelCatalog:Database"] = $"Data Source={Path.Combine(_folder, "gateway.db")}",
                ["ModelCatalog:CatalogFile"] = Path.Combine(AppContext.BaseDirectory, "catalog.json"),
                ["ModelCatalog:DemoUpstream"] = "false",
                ["ReverseProxy:Clusters:openai:Destinations:main:Address"] = upstream,
            });
        });
        await _gateway.StartAsync();

        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        _plainChat = new Uri(AddressOf(_plain) + "/v1/chat/completions");
        _gatewayChat = new Uri(AddressOf(_gateway) + "/v1/chat/completions");

        // Both paths must answer before anything is timed (the gateway only once its start-up sync is done).
        await SendAsync(_plainChat, "gpt-4o");
        await SendAsync(_gatewayChat, "openai/gpt-4o");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task Plain_YARP_forwarding() => LoadAsync(_plainChat, "gpt-4o");

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task Sample_gateway_with_model_handling() => LoadAsync(_gatewayChat, "openai/gpt-4o");

    private async Task CleanupAsync()
    {
        if (_recent.Count > 0)
        {
            var latencies = _recent.SelectMany(r => r.Latencies).Order().ToArray();
            double cpu = _recent.Sum(r => r.Cpu.TotalMicroseconds) / latencies.Length;
            double P(double q) => latencies[Math.Max(0, (int)Math.Ceiling(q * latencies.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {_case}: the last {latencies.Length:N0} requests: p50 {P(0.50):0.000} ms, p99 {P(0.99):0.000} ms, max {latencies[^1]:0.000} ms, " +
                $"CPU {cpu:0.0} us per request (client, proxy and upstream)"));

            // For percentiles over every process of a case: MODELCATALOG_THROUGHPUT_LATENCIES names a folder that
            // collects each process's latencies (benchmarks/throughput-pool.sh reads them).
            if (Environment.GetEnvironmentVariable("MODELCATALOG_THROUGHPUT_LATENCIES") is { Length: > 0 } folder)
            {
                await File.AppendAllLinesAsync(Path.Combine(folder, _case.Replace(' ', '-') + ".txt"), latencies.Select(l => l.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        _client.Dispose();
        foreach (var app in new[] { _gateway, _plain, _upstream })
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task LoadAsync(Uri uri, string model)
    {
        _case = uri == _plainChat ? "plain YARP" : "sample gateway";
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clients = new Task<double[]>[Concurrency];
        for (int c = 0; c < Concurrency; c++)
        {
            clients[c] = Task.Run(async () =>
            {
                var times = new double[RequestsPerClient];
                for (int i = 0; i < RequestsPerClient; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    await SendAsync(uri, model);
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                return times;
            });
        }

        var all = (await Task.WhenAll(clients)).SelectMany(t => t).ToArray();

        // The process's CPU time besides wall time: what a request costs whether the scheduler kept both cores busy or not.
        _recent.Enqueue((all, Environment.CpuUsage.TotalTime - cpuBefore));
        if (_recent.Count > RecentInvocations)
        {
            _recent.Dequeue();
        }
    }

    private async Task SendAsync(Uri uri, string model)
    {
        using var content = new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"Say hello."}]}""", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(uri, content);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"model\":\"" + model + "\"", StringComparison.Ordinal))
        {
            // The gateway must have answered with the unified ID, plain YARP with the upstream name: anything else
            // would time a path that is not the one claimed.
            throw new InvalidOperationException($"POST {uri} answered {(int)response.StatusCode}: {body}");
        }
    }

    private static string AddressOf(WebApplication app) => Loopback.AddressOf(app).TrimEnd('/');
}
