using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ModelCatalog.Extensions.AI.Tests.Support;
using static ModelCatalog.Extensions.AI.Tests.Support.RoutingHost;

namespace ModelCatalog.Extensions.AI.Tests.Cost;

/// <summary>
/// <c>UseModelCatalogCost()</c> around the router. The openai fake reports 1,000 input and 200 output tokens per call;
/// gpt-4o costs $2.50 input and $10 output per million tokens, so a call costs 1,000 × 2.50 / 10⁶ + 200 × 10 / 10⁶ =
/// $0.0025 + $0.002 = $0.0045.
/// </summary>
public sealed class CostTests : IAsyncLifetime
{
    private const decimal ExpectedCost = 0.0045m;
    private RoutingHost _host = null!;
    private MetricCollector<double> _cost = null!;
    private MetricCollector<long> _tokens = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(
            [
                Model("openai/gpt-4o", pricing: new ModelPricing { Tokens = new TokenPrices { InputPerMillion = 2.50m, OutputPerMillion = 10m } }),
                Model("openai/unpriced"),
            ],
            pipeline: chat => chat.UseModelCatalogCost());
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        _cost = new MetricCollector<double>(meters, "ModelCatalog", "modelcatalog.chat.cost");
        _tokens = new MetricCollector<long>(meters, "ModelCatalog", "gen_ai.client.token.usage");
    }

    public async Task DisposeAsync()
    {
        _cost.Dispose();
        _tokens.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_cost_metric_and_the_attached_cost_equal_the_price_of_the_usage_the_provider_reported()
    {
        var response = await _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4o" });

        Assert.Equal(ExpectedCost, response.GetCatalogCost()?.Total);
        var measurement = Assert.Single(_cost.GetMeasurementSnapshot());
        Assert.Equal((double)ExpectedCost, measurement.Value);
        Assert.Equal("openai/gpt-4o", measurement.Tags["gen_ai.response.model"]);
        Assert.Equal("openai", measurement.Tags["gen_ai.provider.name"]);
        Assert.Equal(true, measurement.Tags["modelcatalog.cost.complete"]);
    }

    [Fact]
    public async Task Token_usage_is_recorded_by_token_type_as_the_genai_conventions_name_it()
    {
        await _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4o" });

        var byType = _tokens.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["gen_ai.token.type"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["input"] = 1_000, ["output"] = 200 }, byType);
        Assert.All(_tokens.GetMeasurementSnapshot(), m => Assert.Equal("chat", m.Tags["gen_ai.operation.name"]));
    }

    [Fact]
    public async Task A_streamed_response_is_priced_on_the_update_that_carries_the_usage()
    {
        var costs = new List<decimal>();
        await foreach (var update in _host.Chat.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4o" }))
        {
            if (update.GetCatalogCost() is { } cost)
            {
                costs.Add(cost.Total);
            }
        }

        Assert.Equal([ExpectedCost], costs);
        Assert.Equal((double)ExpectedCost, Assert.Single(_cost.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task A_model_without_prices_records_a_zero_cost_marked_incomplete()
    {
        var response = await _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/unpriced" });

        Assert.False(response.GetCatalogCost()?.IsComplete);
        var measurement = Assert.Single(_cost.GetMeasurementSnapshot());
        Assert.Equal(0d, measurement.Value);
        Assert.Equal(false, measurement.Tags["modelcatalog.cost.complete"]);
    }
}
