using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelCatalog.Generators.Tests;

public sealed class IncrementalTests
{
    // Every kind of output at once: a merger, a diagnostic of a [SyncModel] type, and both misuse diagnostics.
    private const string Broken = """
        using ModelCatalog;
        namespace Host;
        [SyncModel]
        public partial class Bad
        {
            public UnifiedModelId Id { get; set; }
            public string? Unclassified { get; set; }
        }
        public class Settings { [Official] public string? Misplaced { get; set; } }
        public class Derived : CatalogModel { }
        """;

    [Theory]
    [InlineData(TrackingNames.Parse)]
    [InlineData(TrackingNames.Models)]
    [InlineData(TrackingNames.Diagnostics)]
    [InlineData(TrackingNames.MisplacedPolicies)]
    [InlineData(TrackingNames.UnmarkedDerivedTypes)]
    public void A_second_run_after_an_unrelated_edit_is_cached_or_unchanged(string step)
    {
        var compilation = GeneratorHarness.CreateCompilation(SampleSources.SmallModel, Broken, "namespace Host; public static class Other { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Host; public static class Other { public const int Answer = 42; }", GeneratorHarness.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);

        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.True(result.TrackedSteps.TryGetValue(step, out var steps), step + " was not tracked");
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            step + " re-ran: " + output.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_model_regenerates_it()
    {
        var compilation = GeneratorHarness.CreateCompilation(SampleSources.SmallModel);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(SampleSources.SmallModel.Replace("decimal? Cost", "decimal? Price", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        driver = driver.RunGenerators(edited);

        var models = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs);
        Assert.Contains(models, o => o.Reason == IncrementalStepRunReason.Modified);
    }
}
