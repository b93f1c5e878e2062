namespace ModelCatalog.Generators.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = "using System.Collections.Generic;\nusing ModelCatalog;\nnamespace Host;\n";

    public static TheoryData<string, string> Cases => new()
    {
        {
            "MC0001",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } public string? Name { get; set; } }"
        },
        {
            "MC0002",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Official, Local] public string? Name { get; set; } }"
        },
        {
            "MC0003",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Official] public string? Name { get; init; } }"
        },
        {
            "MC0003",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Local] public bool On { get; private set; } }"
        },
        {
            "MC0004",
            "[SyncModel] public class M { public UnifiedModelId Id { get; set; } [Official] public string? Name { get; set; } }"
        },
        {
            "MC0004",
            "public class Outer { [SyncModel] public partial class M { public UnifiedModelId Id { get; set; } } }"
        },
        {
            "MC0005",
            "[SyncModel] public partial class M { [Official] public string? Name { get; set; } }"
        },
        {
            "MC0006",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } public UnifiedModelId Other { get; set; } }"
        },
        {
            "MC0007",
            "public sealed class IntComparer : IEqualityComparer<int> { public bool Equals(int x, int y) => x == y; public int GetHashCode(int obj) => obj; }\n"
            + "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Official(Comparer = typeof(IntComparer))] public string? Name { get; set; } }"
        },
        {
            "MC0007",
            "public sealed class NoCtor : IEqualityComparer<string> { private NoCtor() { } public bool Equals(string? x, string? y) => x == y; public int GetHashCode(string obj) => 0; }\n"
            + "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Official(Comparer = typeof(NoCtor))] public string Name { get; set; } = \"\"; }"
        },
        {
            "MC0008",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Conditional] public List<string>? Tags { get; set; } }"
        },
        {
            "MC0009",
            "[SyncModel] public partial class M { public M(int x) { } public UnifiedModelId Id { get; set; } }"
        },
        {
            "MC0009",
            "[SyncModel] public abstract partial class M { public UnifiedModelId Id { get; set; } }"
        },
        {
            "MC0009",
            "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } [Official] public required string Name { get; set; } }"
        },
        {
            "MC0010",
            "public class M { public UnifiedModelId Id { get; set; } [Official] public string? Name { get; set; } }"
        },
        {
            "MC0010",
            "public partial record M { [Local] public bool On { get; set; } [Conditional] public string? Title { get; set; } }"
        },
        {
            "MC0011",
            "public class D : CatalogModel { public string? Extra { get; set; } }"
        },
        {
            "MC0011",
            "public partial class D : CatalogModel { [Official] public bool SupportsVision { get; set; } }\npublic partial class D { }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_reports_exactly_the_expected_diagnostic_and_emits_nothing(string id, string source)
    {
        var run = GeneratorHarness.Run(Usings + source);

        Assert.Equal([id], run.GeneratorDiagnostics.Select(d => d.Id).Distinct());
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_property_diagnostic_points_at_the_property()
    {
        var run = GeneratorHarness.Run(Usings + "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } public string? Name { get; set; } }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", position.Path);
        Assert.Equal(3, position.StartLinePosition.Line);
        Assert.Equal("[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } public string? ".Length, position.StartLinePosition.Character);
    }

    [Fact]
    public void A_policy_outside_a_catalog_type_is_reported_on_each_property_naming_the_fix()
    {
        var source = Usings + "public class Settings { [Official] public string? A { get; set; } [Local] public bool B { get; set; } }";
        var run = GeneratorHarness.Run(source);

        Assert.Equal(["A", "B"], run.GeneratorDiagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).Order(StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Contains("mark 'Host.Settings' [SyncModel] and partial", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void A_partial_type_derived_from_a_catalog_type_without_the_attribute_is_reported_once_on_its_name()
    {
        var source = Usings + "public partial class D : CatalogModel { }\npublic partial class D { }";
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MC0011", diagnostic.Id);
        Assert.Equal("D", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(
            "Type 'Host.D' derives from catalog type 'ModelCatalog.CatalogModel' but is not marked [SyncModel], so its own properties are not classified and it has no merger of its own; mark 'Host.D' [SyncModel] and partial",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_plain_base_class_whose_policies_a_catalog_type_of_the_project_inherits_gets_no_misuse_diagnostic()
    {
        var run = GeneratorHarness.Run(Usings
            + "public abstract class Shared<T> { [Official] public T? Value { get; set; } }\n"
            + "[SyncModel] public partial class M : Shared<string> { public UnifiedModelId Id { get; set; } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_type_derived_from_a_catalog_type_and_marked_itself_gets_no_misuse_diagnostic()
    {
        var run = GeneratorHarness.Run(Usings + "[SyncModel] public partial class D : CatalogModel { [Official] public bool SupportsVision { get; set; } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void An_unclassified_property_of_a_plain_base_class_is_reported_on_the_catalog_type()
    {
        var run = GeneratorHarness.Run(Usings
            + "public class Base { public string? Loose { get; set; } }\n"
            + "[SyncModel] public partial class M : Base { public UnifiedModelId Id { get; set; } }");

        Assert.Equal("MC0001", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Every_descriptor_is_an_error_with_a_prefixed_id_listed_in_the_release_notes()
    {
        var notes = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "ModelCatalog.Generators", "AnalyzerReleases.Unshipped.md"));
        var ids = Cases.Select(c => (string)c[0]).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(11, ids.Length);
        Assert.All(ids, id => Assert.Contains(id + " | ModelCatalog | Error", notes, StringComparison.Ordinal));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelCatalog.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ModelCatalog.sln not found.");
    }
}
