namespace ModelCatalog.Tests.Policies;

public sealed class ExtendedCatalogModelTests
{
    [Fact]
    public void A_derived_model_merges_the_inherited_fields_first_and_its_own_after()
    {
        var merger = ExtendedCatalogModel.Merger;
        var stored = new ExtendedCatalogModel { Id = UnifiedModelId.Parse("openai/gpt-4o"), DisplayName = "GPT-4o", Notes = "ours", Group = "chat" };
        var official = new ExtendedCatalogModel { Id = stored.Id, DisplayName = "GPT-4o", Description = "omni", Group = "flagship", IsActive = false };

        var result = merger.Merge(stored, official, merger.CaptureBaseline(stored), UpdateMode.Smart);

        Assert.Equal(["DisplayName", "IsBeta", "Notes", "Group"], merger.Fields.Select(f => f.Name).Where(n => n is "DisplayName" or "IsBeta" or "Notes" or "Group"));
        Assert.Equal(("omni", "ours", "flagship", true), (stored.Description, stored.Notes, stored.Group, stored.IsActive));
        Assert.Equal("{\"DisplayName\":\"GPT-4o\",\"Group\":\"flagship\"}", result.Baseline!.Json);
        Assert.NotSame(CatalogModel.Merger, (object)merger);
    }
}
