using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelCatalog.Generators.Tests;

/// <summary>Drives the generator through <see cref="CSharpGeneratorDriver"/> over an in-memory host compilation.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Host",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new Generator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(SyncModelAttribute).Assembly.Location);
        return [.. paths.Select(p => MetadataReference.CreateFromFile(p))];
    }
}

/// <summary>One generator run: the driver (for a second run), the compilation with the generated code, the generator's diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<string> GeneratedSources
        => Driver.GetRunResult().GeneratedTrees.Select(t => t.ToString());

    /// <summary>Errors and warnings of the host compilation after generation.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
        => [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
}
