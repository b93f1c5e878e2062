using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace ModelCatalog.Extensions.AI.Tests.Routing;

/// <summary>Programmer errors are exceptions that name the argument.</summary>
public sealed class GuardTests
{
    private static readonly ModelReadModel<CatalogModel> ReadModel = new(new InMemoryModelStore<CatalogModel>());

    [Fact]
    public void The_router_needs_a_read_model_and_a_provider_lookup()
    {
        Assert.Throws<ArgumentNullException>("readModel", () => new CatalogChatRouter<CatalogModel>(null!, _ => null));
        Assert.Throws<ArgumentNullException>("providerClients", () => new CatalogChatRouter<CatalogModel>(ReadModel, null!));
    }

    [Fact]
    public void A_router_with_an_invalid_default_model_is_refused_naming_the_options()
        => Assert.Throws<ArgumentException>("options", () => new CatalogChatRouter<CatalogModel>(ReadModel, _ => null, new ChatRoutingOptions { DefaultModelId = "x" }));

    [Fact]
    public void The_router_needs_messages()
    {
        var router = new CatalogChatRouter<CatalogModel>(ReadModel, _ => null);

        Assert.Throws<ArgumentNullException>("messages", () => { _ = router.GetResponseAsync(null!); }); // thrown by the call itself, not the task
        Assert.Throws<ArgumentNullException>("messages", () => router.GetStreamingResponseAsync(null!));
        Assert.Throws<ArgumentNullException>("serviceType", () => router.GetService(null!));
    }

    [Fact]
    public void The_registrations_need_their_builders()
    {
        Assert.Throws<ArgumentNullException>("builder", () => ((ModelCatalogBuilder<CatalogModel>)null!).AddChatClientRouting());
        Assert.Throws<ArgumentNullException>("builder", () => ((ChatClientBuilder)null!).UseModelCatalogCost());
        Assert.Throws<ArgumentNullException>("readModel", () => new CatalogCostChatClient<CatalogModel>(new Support.RecordingChatClient("p"), null!));
    }
}
