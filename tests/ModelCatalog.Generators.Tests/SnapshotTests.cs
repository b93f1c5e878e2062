using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Generators.Tests;

/// <summary>
/// The whole generated output of a small model, compared with a reviewed snapshot in <c>Snapshots/</c>, and the
/// diagnostics at their exact spans, through Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task The_whole_generated_code_of_a_small_model_is_the_reviewed_snapshot()
    {
        var test = new GeneratorTest { TestCode = SampleSources.SmallModel };
        test.TestState.GeneratedSources.Add((typeof(Generator), "Host.M.ModelCatalog.g.cs", GeneratorTest.Snapshot("Host.M.ModelCatalog.g.cs")));

        await test.RunAsync();
    }

    [Fact]
    public async Task Misuse_diagnostics_point_at_the_property_and_the_type_name()
    {
        var test = new GeneratorTest
        {
            TestCode = """
                using ModelCatalog;
                namespace Host;
                public class Settings { [Official] public string? {|MC0010:Misplaced|} { get; set; } }
                public class {|MC0011:Derived|} : CatalogModel { public string? Loose { get; set; } }
                [SyncModel] public partial class {|MC0005:NoKey|} { [Official] public string? Name { get; set; } }
                """,
        };

        await test.RunAsync();
    }
}
