namespace ModelCatalog.Generators.Tests;

public sealed class GeneratedCodeTests
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using ModelCatalog;

        namespace Host;

        """;

    public static TheoryData<string, string> Hosts => new()
    {
        {
            "a class with nullable, value, JSON and collection properties",
            """
            public enum Tier { Free, Pro }
            public enum Wide : ulong { A, B = ulong.MaxValue }
            public sealed class LengthComparer : IEqualityComparer<string?>
            {
                public bool Equals(string? x, string? y) => x?.Length == y?.Length;
                public int GetHashCode(string? obj) => obj?.Length ?? 0;
            }
            [SyncModel]
            public partial class Model
            {
                public UnifiedModelId Id { get; set; }
                [Conditional] public string Name { get; set; } = "";
                [Conditional] public int? Rank { get; set; }
                [Conditional] public Tier Tier { get; set; }
                [Conditional] public Wide? Wide { get; set; }
                [Conditional] public double Score { get; set; }
                [Conditional] public decimal Price { get; set; }
                [Conditional] public Guid? Ref { get; set; }
                [Conditional] public DateTime At { get; set; }
                [Conditional] public DateTimeOffset? Seen { get; set; }
                [Conditional] public UnifiedModelId Alias { get; set; }
                [Conditional] public JsonElement? Settings { get; set; }
                [Conditional] public JsonNode? Extra { get; set; }
                [Conditional] public byte Small { get; set; }
                [Official] public JsonElement Raw { get; set; }
                [Official] public JsonObject? Node { get; set; }
                [Official] public string[]? Tags { get; set; }
                [Official] public List<int> Sizes { get; set; } = new();
                [Official] public IReadOnlyList<string>? Aliases { get; set; }
                [Official] public IEnumerable<decimal>? Prices { get; set; }
                [Official] public Dictionary<string, int>? Limits { get; set; }
                [Official] public IReadOnlyDictionary<string, string>? Labels { get; set; }
                [Official] public IDictionary<string, decimal?>? Rates { get; set; }
                [Official] public HashSet<string>? Set { get; set; }
                [Official] public TimeSpan Timeout { get; set; }
                [Official] public Uri? Home { get; set; }
                [Official(Comparer = typeof(LengthComparer))] public string? Code { get; set; }
                [Local] public bool IsActive { get; set; } = true;
                [Local] public char Letter { get; set; }
                [Local] public float Weight { get; set; }
                public string Computed => Name + "!";
                internal string? Internal { get; set; }
                public static string? Shared { get; set; }
            }
            """
        },
        {
            "a record",
            """
            [SyncModel]
            public partial record ModelRecord
            {
                public UnifiedModelId Key { get; set; }
                [Conditional] public string? DisplayName { get; set; }
                [Official] public decimal? Cost { get; set; }
                [Local] public bool @checked { get; set; }
            }
            """
        },
        {
            "a type nested in a partial type, in the global namespace",
            """
            public static partial class Outer
            {
                [SyncModel]
                public partial class Inner
                {
                    public UnifiedModelId Id { get; set; }
                    [Official] public string? Description { get; set; }
                }
            }
            """
        },
        {
            "a derived catalog type in the same compilation",
            """
            [SyncModel]
            public partial class BaseModel
            {
                public UnifiedModelId Id { get; set; }
                [Conditional] public string? DisplayName { get; set; }
            }
            [SyncModel]
            public partial class DerivedModel : BaseModel
            {
                [Official] public int? Extra { get; set; }
            }
            """
        },
        {
            "a type deriving from the built-in CatalogModel",
            """
            [SyncModel]
            public partial class MyModel : CatalogModel
            {
                [Local] public string? Notes { get; set; }
                [Conditional] public string? Group { get; set; }
            }
            """
        },
        {
            "a generic type and a type with required members set by its constructor",
            """
            [SyncModel]
            public partial class Tagged<TTag>
                where TTag : class
            {
                public UnifiedModelId Id { get; set; }
                [Official] public TTag? Tag { get; set; }
                [Official] public List<TTag>? Tags { get; set; }
            }
            [SyncModel]
            public partial class WithRequired
            {
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                public WithRequired() => Name = "";
                public UnifiedModelId Id { get; set; }
                [Conditional] public required string Name { get; set; }
            }
            """
        },
        {
            "a type whose plain base class holds classified properties",
            """
            public abstract class Shared
            {
                public UnifiedModelId Id { get; set; }
                [Official] public string? Description { get; set; }
            }
            [SyncModel]
            public sealed partial class Concrete : Shared
            {
                [Local] public bool IsVisible { get; set; }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_generated_code_compiles_without_errors_or_warnings(string host, string source)
    {
        var run = GeneratorHarness.Run(Header + source);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, host + ": " + string.Join("\n", run.GeneratorDiagnostics));
        Assert.NotEmpty(run.GeneratedSources);
        Assert.True(run.CompilationProblems.Count == 0, host + ":\n" + string.Join("\n", run.CompilationProblems) + "\n" + string.Join("\n", run.GeneratedSources));
    }

    [Fact]
    public void Generated_files_carry_the_auto_generated_header_nullable_and_GeneratedCode()
    {
        var source = Assert.Single(GeneratorHarness.Run(Header + "[SyncModel] public partial class M { public UnifiedModelId Id { get; set; } }").GeneratedSources);

        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", source.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"ModelCatalog.Generators\", \"", source, StringComparison.Ordinal);
        Assert.Contains(": global::ModelCatalog.ICatalogModel<global::Host.M>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_type_hides_the_base_merger_and_lists_inherited_fields_first()
    {
        var run = GeneratorHarness.Run(Header + "[SyncModel] public partial class MyModel : CatalogModel { [Local] public string? Notes { get; set; } }");
        var source = Assert.Single(run.GeneratedSources);

        Assert.Contains("public static new global::ModelCatalog.IModelMerger<global::Host.MyModel> Merger", source, StringComparison.Ordinal);
        var displayName = source.IndexOf("new global::ModelCatalog.ModelFieldInfo(\"DisplayName\"", StringComparison.Ordinal);
        var isBeta = source.IndexOf("new global::ModelCatalog.ModelFieldInfo(\"IsBeta\"", StringComparison.Ordinal);
        var notes = source.IndexOf("new global::ModelCatalog.ModelFieldInfo(\"Notes\"", StringComparison.Ordinal);
        Assert.True(displayName >= 0 && displayName < isBeta && isBeta < notes);
    }

    [Theory]
    [InlineData("global::ModelCatalog.FieldValues.SequenceEquals<string>(target.Tags, official.Tags)")]
    [InlineData("global::ModelCatalog.FieldValues.SequenceEquals<int>(target.Sizes, official.Sizes)")]
    [InlineData("global::ModelCatalog.FieldValues.ReadOnlyDictionaryEquals<string, int>(target.Limits, official.Limits)")]
    [InlineData("global::ModelCatalog.FieldValues.DictionaryEquals<string, decimal?>(target.Rates, official.Rates)")]
    [InlineData("global::System.Text.Json.Nodes.JsonNode.DeepEquals(target.Extra, official.Extra)")]
    [InlineData("global::ModelCatalog.FieldValues.JsonEquals(target.Raw, official.Raw)")]
    [InlineData("s_comparerCode.Equals(target.Code, official.Code)")]
    [InlineData("global::ModelCatalog.BaselineJson.UInt64Equals(b, (ulong?)l)")]
    [InlineData("global::ModelCatalog.BaselineJson.Int64Equals(b, (long?)l)")]
    [InlineData("global::ModelCatalog.BaselineJson.DoubleEquals(b, (double?)l)")]
    [InlineData("new global::System.Collections.Generic.List<int>(u)")]
    [InlineData("global::System.Collections.Generic.EqualityComparer<global::System.Uri?>.Default.Equals(target.Home, official.Home)")]
    public void Each_field_type_gets_its_value_equality_and_copy(string expected)
    {
        var source = Assert.Single(GeneratorHarness.Run(Header + Hosts.First()[1]).GeneratedSources);

        Assert.Contains(expected, source, StringComparison.Ordinal);
    }
}
