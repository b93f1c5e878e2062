using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Generators.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing over this machine's own runtime assemblies (no reference
/// package is downloaded) plus ModelCatalog itself: checks the whole generated output and every diagnostic at once.
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<Generator, DefaultVerifier>
{
    private static readonly Lazy<MetadataReference[]> PlatformReferences = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(SyncModelAttribute).Assembly.Location),
    ]);

    public GeneratorTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(PlatformReferences.Value);
    }

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>The expected text of a generated file, kept in <c>Snapshots/</c> so a reviewer reads the whole output.</summary>
    public static string Snapshot(string name)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name)).ReplaceLineEndings("\n");
}
