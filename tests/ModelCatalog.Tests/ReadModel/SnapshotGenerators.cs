using FsCheck;
using FsCheck.Fluent;
using ModelCatalog.Storage;

namespace ModelCatalog.Tests.ReadModel;

/// <summary>Catalog contents drawn from a small pool of IDs, so that IDs differing only by case are common.</summary>
public static class SnapshotGenerators
{
    public static Gen<StoredModel<CatalogModel>> Model { get; } =
        Gen.Zip(
            Gen.Zip(Gen.Elements("a", "A", "b", "openai", "OpenAI"), Gen.Elements("x", "X", "y", "gpt-4o", "GPT-4o", "m/1", "M/1"), UnifiedModelId.Create),
            Gen.Zip(Gen.Elements(true, true, false), Gen.Elements(true, true, false), (active, visible) => (active, visible)),
            (id, flags) => Stored(id, flags.active, flags.visible, "v1"));

    /// <summary>Distinct models (the first of each ID kept), in generation order.</summary>
    public static Gen<StoredModel<CatalogModel>[]> Catalog { get; } =
        Gen.ListOf(Model).Select(models => models.DistinctBy(m => m.Model.Id).ToArray());

    public static StoredModel<CatalogModel> Stored(UnifiedModelId id, bool active = true, bool visible = true, string description = "v1")
        => new(Guid.CreateVersion7(), new CatalogModel { Id = id, IsActive = active, IsVisible = visible, Description = description }, 1, ModelSyncState.None);
}
