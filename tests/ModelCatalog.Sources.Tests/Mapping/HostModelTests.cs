using System.Text.Json;
using ModelCatalog.Sources.Tests.Support;
using ModelCatalog.Storage;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Sources.Tests.Mapping;

/// <summary>
/// The built-in sources for host types: one derived from <see cref="CatalogModel"/> with a hook, one that is not, with
/// a projection. Expected values are read by hand from LiteLLM 2025-06-27: gpt-4o and claude-3-5-sonnet-20240620 have
/// <c>"supports_vision": true</c>; gpt-3.5-turbo and text-embedding-3-small have no such field.
/// </summary>
public sealed class HostModelTests : IAsyncLifetime
{
    private static readonly string LiteLlmFile = SharedData.Path("litellm", "model_prices_2025-06-27.json");
    private CatalogServer _server = null!;

    public static TheoryData<string, bool> Vision => new()
    {
        { "openai/gpt-4o", true },
        { "anthropic/claude-3-5-sonnet-20240620", true },
        { "openai/gpt-3.5-turbo", false },
        { "openai/text-embedding-3-small", false },
    };

    public async Task InitializeAsync() => _server = await CatalogServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static void MapVision(VisionModel model, JsonElement record)
        => model.SupportsVision = record.TryGetProperty("supports_vision", out var value) && value.ValueKind == JsonValueKind.True;

    [Theory]
    [MemberData(nameof(Vision))]
    public async Task A_derived_type_is_filled_by_its_hook_from_a_file(string id, bool vision)
    {
        var source = new CatalogFileSource<VisionModel>(LiteLlmFile, CatalogFormat.LiteLlm, CatalogMapping.For<VisionModel>(MapVision));
        var catalog = new DefaultModelCatalog<VisionModel>(new InMemoryModelStore<VisionModel>());

        await catalog.SyncAsync(source);

        var model = (await catalog.FindAsync(UnifiedModelId.Parse(id)))!.Model;
        Assert.Equal(vision, model.SupportsVision);
    }

    [Theory]
    [MemberData(nameof(Vision))]
    public async Task A_derived_type_is_filled_by_its_hook_over_http(string id, bool vision)
    {
        await using var host = HttpCatalog.Create(_server.Url("litellm", "model_prices_2025-06-27.json"), CatalogMapping.For<VisionModel>(MapVision));

        await host.SyncAsync();

        var model = (await host.Catalog.FindAsync(UnifiedModelId.Parse(id)))!.Model;
        Assert.Equal(vision, model.SupportsVision);
    }

    [Fact]
    public async Task A_derived_type_keeps_every_built_in_field_the_reader_set()
    {
        var plain = await CatalogImporter.ReadFileAsync(LiteLlmFile, CatalogFormat.LiteLlm, null, null, DateTimeOffset.UnixEpoch);
        var derived = await CatalogImporter.ReadFileAsync(LiteLlmFile, CatalogFormat.LiteLlm, CatalogMapping.For<VisionModel>(), null, null, DateTimeOffset.UnixEpoch);

        Assert.Equal(plain.Models.Count, derived.Models.Count);
        for (int i = 0; i < plain.Models.Count; i++)
        {
            Assert.True(CatalogModel.Merger.ContentEquals(plain.Models[i], derived.Models[i]), plain.Models[i].Id.ToString());
        }
    }

    [Fact]
    public async Task A_type_not_derived_from_catalog_model_syncs_through_a_projection()
    {
        var mapping = CatalogMapping.Project((model, record) => new PlainModel
        {
            Id = model.Id,
            Name = model.DisplayName,
            InputPerMillion = model.InputCostPerMillionTokens,
            Vision = record.TryGetProperty("supports_vision", out var v) && v.ValueKind == JsonValueKind.True,
        });
        var catalog = new DefaultModelCatalog<PlainModel>(new InMemoryModelStore<PlainModel>());

        await catalog.SyncAsync(new CatalogFileSource<PlainModel>(LiteLlmFile, null, mapping, "litellm"));

        var gpt4o = (await catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-4o")))!.Model;
        // gpt-4o: "input_cost_per_token": 2.5e-06 → 2.5 per million.
        Assert.Equal((2.5m, true, "gpt-4o"), (gpt4o.InputPerMillion, gpt4o.Vision, gpt4o.Name));
        Assert.False((await catalog.FindAsync(UnifiedModelId.Parse("openai/gpt-3.5-turbo")))!.Model.Vision);
    }

    [Fact]
    public void The_hook_sees_only_the_kept_entry_of_an_alias()
    {
        var seen = new List<decimal>();
        var snapshot = CatalogImporter.Read(
            """{"gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 1, "supports_vision": false}, "openai/gpt-4o": {"litellm_provider": "openai", "input_cost_per_token": 2, "supports_vision": true}}"""u8.ToArray(),
            null,
            CatalogMapping.For<VisionModel>((m, r) => { seen.Add(r.GetProperty("input_cost_per_token").GetDecimal()); MapVision(m, r); }),
            null,
            null,
            DateTimeOffset.UnixEpoch);

        Assert.Equal([2m], seen);
        Assert.True(Assert.Single(snapshot.Models).SupportsVision);
    }
}
