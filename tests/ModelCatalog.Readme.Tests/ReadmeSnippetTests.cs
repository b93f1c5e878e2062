namespace ModelCatalog.Readme.Tests;

/// <summary>The README's C# compiles as written: every ```csharp block, against every ModelCatalog package.</summary>
public sealed class ReadmeSnippetTests
{
    /// <summary>The README line each ```csharp block starts on: one test case per snippet, read at run time.</summary>
    public static TheoryData<int> SnippetLines()
        => [.. ReadmeSnippet.FindAll(File.ReadAllText(RepositoryRoot.ReadmePath)).Select(s => s.FirstLine)];

    [Theory]
    [MemberData(nameof(SnippetLines))]
    public void The_readme_snippet_starting_on_this_line_compiles_as_written(int line)
    {
        var snippet = ReadmeSnippet.FindAll(File.ReadAllText(RepositoryRoot.ReadmePath)).Single(s => s.FirstLine == line);

        var problems = SnippetCompiler.Problems(snippet);

        Assert.True(problems.Count == 0, $"The snippet at {snippet} does not compile:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void The_readme_has_csharp_snippets_to_compile()
        => Assert.True(ReadmeSnippet.FindAll(File.ReadAllText(RepositoryRoot.ReadmePath)).Count >= 10);

    [Fact]
    public void Only_csharp_blocks_are_taken_with_the_line_their_code_starts_on()
    {
        const string markdown = "# Title\n\n```bash\ndotnet build\n```\n\n```csharp\nvar a = 1;\nvar b = a;\n```\n```json\n{}\n```\n```csharp\nclass C;\n```\n- item\n  ```cs\n  class D;\n  ```\n";

        var snippets = ReadmeSnippet.FindAll(markdown);

        Assert.Equal([new ReadmeSnippet(8, "var a = 1;\nvar b = a;"), new ReadmeSnippet(15, "class C;"), new ReadmeSnippet(19, "  class D;")], snippets);
    }

    [Fact]
    public void A_broken_snippet_is_reported_with_its_readme_line_and_the_compiler_error()
    {
        var snippet = ReadmeSnippet.FindAll("text\n\n```csharp\nusing ModelCatalog;\nvar id = UnifiedModelId.Parse(\"openai/gpt-4o\");\nConsole.WriteLine(undeclared);\n```\n").Single();

        var problems = SnippetCompiler.Problems(snippet);

        var problem = Assert.Single(problems);
        Assert.StartsWith("README.md line 6, column 19: error CS0103:", problem);
        Assert.Contains("'undeclared'", problem);
    }

    [Fact]
    public void A_snippet_with_a_sync_model_type_compiles_with_the_generated_merger()
    {
        var snippet = new ReadmeSnippet(1, """
            using ModelCatalog;

            var merger = Product.Merger;

            [SyncModel]
            public partial class Product
            {
                public UnifiedModelId Id { get; set; }
                [Official] public string Name { get; set; } = "";
            }
            """);

        Assert.Empty(SnippetCompiler.Problems(snippet));
    }

    [Fact]
    public void The_host_objects_are_given_with_their_real_types()
    {
        var snippet = new ReadmeSnippet(1, "int wrong = app;");

        var problem = Assert.Single(SnippetCompiler.Problems(snippet));

        Assert.Contains("'Microsoft.AspNetCore.Builder.WebApplication' to 'int'", problem);
    }
}
