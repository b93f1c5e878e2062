namespace ModelCatalog.Gateway.Tests.Directory;

public class GatewayModelTests
{
    [Fact]
    public void A_model_defaults_to_its_id_for_names_and_is_active_and_visible()
    {
        var model = new GatewayModel(UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct"));

        Assert.Equal("meta-llama/llama-3.1-70b-instruct", model.UpstreamModelName);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", model.DisplayName);
        Assert.Equal("openrouter", model.OwnedBy);
        Assert.True(model.IsActive);
        Assert.True(model.IsVisible);
        Assert.True(model.IsListed);
        Assert.Equal(DateTimeOffset.UnixEpoch, model.Created);
    }

    [Fact]
    public void An_empty_upstream_name_falls_back_to_the_model_name()
        => Assert.Equal("x", new GatewayModel(UnifiedModelId.Parse("p/x")) { UpstreamModelName = "" }.UpstreamModelName);

    [Fact]
    public void A_model_needs_an_id()
        => Assert.Throws<ArgumentException>("id", () => new GatewayModel(default));

    [Fact]
    public void A_directory_refuses_two_models_with_one_id()
        => Assert.Throws<ArgumentException>("models", () => new InMemoryGatewayModelDirectory([new(UnifiedModelId.Parse("p/x")), new(UnifiedModelId.Parse("p/x"))]));

    [Fact]
    public async Task A_directory_lists_every_model_in_id_order_including_unlisted_ones()
    {
        var directory = new InMemoryGatewayModelDirectory([
            new(UnifiedModelId.Parse("b/x")) { IsActive = false },
            new(UnifiedModelId.Parse("a/y")),
            new(UnifiedModelId.Parse("a/x")) { IsVisible = false },
        ]);

        var ids = new List<string>();
        await foreach (var model in directory.ListAsync())
        {
            ids.Add(model.Id.ToString());
        }

        Assert.Equal(["a/x", "a/y", "b/x"], ids);
    }
}
