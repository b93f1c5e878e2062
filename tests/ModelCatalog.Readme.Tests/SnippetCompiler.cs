using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelCatalog.Generators;

namespace ModelCatalog.Readme.Tests;

/// <summary>
/// Compiles one README snippet as one C# file of a host project, with the ModelCatalog source generator running.
/// </summary>
/// <remarks>
/// The convention the README follows: a snippet is a whole file (its own <c>using</c>s, top-level statements first,
/// then any type declarations) of an ASP.NET Core project with implicit usings and nullable enabled. Only the host's
/// usual objects are given, by <see cref="Preamble"/>: <c>builder</c>, <c>app</c>, <c>services</c>, <c>catalog</c>,
/// <c>key</c>, <c>connectionString</c> and the host's <c>AppDbContext</c>. Anything else a snippet uses it declares itself.
/// </remarks>
internal static class SnippetCompiler
{
    /// <summary>
    /// The second file of every snippet's compilation: the Web SDK's implicit usings, and the host's objects as
    /// static properties (never run; only their types matter), so a snippet reads like a fragment of Program.cs.
    /// </summary>
    public const string Preamble = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using Readme.Host;
        global using static Readme.Host.ReadmeHost;

        namespace Readme.Host
        {
            using Microsoft.EntityFrameworkCore;
            using ModelCatalog;

            internal static class ReadmeHost
            {
                public static WebApplicationBuilder builder => throw new NotSupportedException();
                public static WebApplication app => throw new NotSupportedException();
                public static IServiceCollection services => throw new NotSupportedException();
                public static IModelCatalog<CatalogModel> catalog => throw new NotSupportedException();
                public static string key => throw new NotSupportedException();
                public static string connectionString => throw new NotSupportedException();
            }

            // The host's own context, as the README's EF Core section declares it; a snippet's own declaration wins.
            internal sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                    => modelBuilder.ApplyModelCatalog<CatalogModel>(o => o.UseProviderDefaults(Database.ProviderName));
            }
        }
        """;

    private const string SnippetPath = "README.md";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // What the .NET SDK leaves out of every build (its default NoWarn): assembly-version unification notices, which
    // packages built against an older framework (YARP 2.3 against .NET 8) raise in any host project.
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>The errors and warnings of <paramref name="snippet"/>, each naming its README line; empty when it compiles clean.</summary>
    public static IReadOnlyList<string> Problems(ReadmeSnippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions, path: SnippetPath);
        var preamble = CSharpSyntaxTree.ParseText(Preamble, ParseOptions, path: "Preamble.cs");
        var hasStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [tree, preamble],
            References.Value,
            new CSharpCompilationOptions(
                hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: SdkNoWarn));
        CSharpGeneratorDriver
            .Create([new Generator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        return [.. generatorDiagnostics.Concat(generated.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => Describe(d, snippet))];
    }

    private static string Describe(Diagnostic diagnostic, ReadmeSnippet snippet)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.Path == SnippetPath
            ? $"README.md line {snippet.FirstLine + span.StartLinePosition.Line}, column {span.StartLinePosition.Character + 1}"
            : $"{(string.IsNullOrEmpty(span.Path) ? "the compilation" : span.Path)} (of the snippet at README.md line {snippet.FirstLine})";
        return $"{where}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    // The trusted platform assemblies hold the runtime, ASP.NET Core and every package this project references,
    // ModelCatalog's own included; listing the ModelCatalog assemblies again makes the dependency explicit.
    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToHashSet(StringComparer.Ordinal);
        foreach (var packageType in PackageTypes)
        {
            paths.Add(packageType.Assembly.Location);
        }

        return [.. paths.Where(p => !p.EndsWith("ModelCatalog.Generators.dll", StringComparison.Ordinal)).Select(p => MetadataReference.CreateFromFile(p))];
    }

    /// <summary>One public type of every ModelCatalog package a host references.</summary>
    private static readonly Type[] PackageTypes =
    [
        typeof(UnifiedModelId),
        typeof(ModelCatalog.Sources.CatalogFileSource),
        typeof(ModelCatalog.EntityFrameworkCore.ModelCatalogDbContext),
        typeof(ModelCatalog.EntityFrameworkCore.PostgreSQL.PostgresChangeNotifier<CatalogModel>),
        typeof(ModelCatalog.Extensions.AI.ChatCostExtensions),
        typeof(ModelCatalog.Gateway.GatewayRequestRewriter),
        typeof(ModelCatalog.AspNetCore.GatewayHttpExtensions),
        typeof(ModelCatalog.Yarp.ModelCatalogProxyOptions),
    ];
}
