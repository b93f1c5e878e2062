using Microsoft.Extensions.DependencyInjection;

namespace ModelCatalog.Yarp.Tests;

public class ModelCatalogProxyOptionsTests
{
    [Fact]
    public void A_provider_goes_to_its_mapped_cluster_else_to_the_cluster_named_like_it()
    {
        var options = new ModelCatalogProxyOptions();
        options.ProviderClusters["bedrock"] = "anthropic";

        Assert.Equal("anthropic", options.ClusterFor("bedrock"));
        Assert.Equal("openai", options.ClusterFor("openai"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((long)int.MaxValue + 1)]
    public void The_response_bound_must_fit_a_buffer(long value)
        => Assert.Throws<ArgumentOutOfRangeException>(nameof(value), () => new ModelCatalogProxyOptions().MaxResponseBodyLength = value);

    [Fact]
    public void The_line_bound_must_be_positive()
        => Assert.Throws<ArgumentOutOfRangeException>("value", () => new ModelCatalogProxyOptions().MaxSseLineLength = 0);

    [Fact]
    public void The_registrations_guard_their_arguments()
    {
        Assert.Throws<ArgumentNullException>("builder", () => ModelCatalogReverseProxyBuilderExtensions.AddModelCatalog(null!));
        Assert.Throws<ArgumentNullException>("providerClusters", () => new ServiceCollection().AddReverseProxy().AddModelCatalog((Microsoft.Extensions.Configuration.IConfiguration)null!));
        Assert.Throws<ArgumentNullException>("proxyPipeline", () => Microsoft.AspNetCore.Builder.ModelCatalogReverseProxyApplicationBuilderExtensions.UseModelCatalog(null!));
    }
}
