using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using static ModelCatalog.Extensions.AI.Tests.Support.RoutingHost;

namespace ModelCatalog.Extensions.AI.Tests.Routing;

/// <summary>Deprecated models warn, retired models are refused or go to their successor. The clock is at <see cref="Support.RoutingHost.Now"/>.</summary>
public sealed class LifecycleTests
{
    private static readonly CatalogModel[] Catalog =
    [
        Model("openai/old", new ModelLifecycle { Status = ModelStatus.Deprecated, SuccessorId = UnifiedModelId.Parse("openai/new") }),
        Model("openai/sunset", new ModelLifecycle { RetiresAt = Now.AddDays(-1), SuccessorId = UnifiedModelId.Parse("openai/new") }),
        Model("openai/later", new ModelLifecycle { RetiresAt = Now.AddDays(1) }),
        Model("openai/gone", new ModelLifecycle { Status = ModelStatus.Retired, SuccessorId = UnifiedModelId.Parse("openai/sunset") }),
        Model("openai/orphan", new ModelLifecycle { Status = ModelStatus.Retired }),
        Model("openai/new"),
    ];

    [Fact]
    public async Task A_deprecated_model_is_called_and_logged_once_as_a_warning_naming_its_successor()
    {
        await using var host = await StartAsync(Catalog);

        await host.Chat.GetResponseAsync("1", new ChatOptions { ModelId = "openai/old" });
        await host.Chat.GetResponseAsync("2", new ChatOptions { ModelId = "openai/old" });

        Assert.Equal(["old", "old"], host.OpenAI.Calls.Select(c => c.ModelId));
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("openai/old", warning.Message, StringComparison.Ordinal);
        Assert.Contains("openai/new", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai/sunset")]
    [InlineData("openai/gone")]
    public async Task A_retired_model_is_refused_naming_its_successor_and_never_reaches_the_provider(string model)
    {
        await using var host = await StartAsync(Catalog);

        var e = await Assert.ThrowsAsync<ModelRoutingException>(() => host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = model }));

        Assert.Equal(ModelRoutingFailure.Retired, e.Reason);
        Assert.NotNull(e.SuccessorId);
        Assert.Empty(host.OpenAI.Calls);
    }

    [Fact]
    public async Task A_model_whose_retirement_date_is_ahead_is_still_called()
    {
        await using var host = await StartAsync(Catalog);

        await host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/later" });

        Assert.Equal("later", Assert.Single(host.OpenAI.Calls).ModelId);
    }

    [Theory]
    [InlineData("openai/sunset")]
    [InlineData("openai/gone")] // gone -> sunset (retired too) -> new
    public async Task With_successor_routing_a_retired_model_goes_to_its_first_usable_successor(string model)
    {
        await using var host = await StartAsync(Catalog, o => o.RouteRetiredToSuccessor = true);

        var response = await host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = model });

        Assert.Equal("new", Assert.Single(host.OpenAI.Calls).ModelId);
        Assert.Equal("openai/new", response.ModelId);
    }

    [Fact]
    public async Task With_successor_routing_a_retired_model_without_successor_is_still_refused()
    {
        await using var host = await StartAsync(Catalog, o => o.RouteRetiredToSuccessor = true);

        var e = await Assert.ThrowsAsync<ModelRoutingException>(() => host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/orphan" }));

        Assert.Equal(ModelRoutingFailure.Retired, e.Reason);
        Assert.Empty(host.OpenAI.Calls);
    }
}
