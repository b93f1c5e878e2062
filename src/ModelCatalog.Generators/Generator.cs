using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generators;

/// <summary>
/// Emits, for every <c>[SyncModel]</c> partial class or record, an implementation of
/// <c>ModelCatalog.ICatalogModel&lt;T&gt;</c> and its field-policy merger, and reports the MC diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class Generator : IIncrementalGenerator
{
    private static readonly string[] PolicyAttributes =
        ["ModelCatalog.OfficialAttribute", "ModelCatalog.LocalAttribute", "ModelCatalog.ConditionalAttribute"];

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName("ModelCatalog.SyncModelAttribute", Parser.IsCandidate, Parser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(Emitter.HintName(model), Emitter.Emit(model)));

        // A plain base class may hold classified properties for the [SyncModel] types derived from it.
        var syncModelBases = context.SyntaxProvider
            .ForAttributeWithMetadataName("ModelCatalog.SyncModelAttribute", Parser.IsCandidate, MisuseParser.BaseTypes)
            .Collect()
            .Select(MisuseParser.Union);
        foreach (var policy in PolicyAttributes)
        {
            var misplaced = context.SyntaxProvider
                .ForAttributeWithMetadataName(policy, MisuseParser.IsPolicyTarget, MisuseParser.PolicyOutsideSyncModel)
                .Where(static use => use is not null)
                .Combine(syncModelBases)
                .Select(static (input, ct) => MisuseParser.ToDiagnostic((input.Left!, input.Right), ct))
                .Where(static diagnostic => diagnostic is not null)
                .WithTrackingName(TrackingNames.MisplacedPolicies);
            context.RegisterSourceOutput(misplaced, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic!.ToDiagnostic()));
        }

        var unmarked = context.SyntaxProvider
            .CreateSyntaxProvider(MisuseParser.IsDerivedTypeCandidate, MisuseParser.UnmarkedDerivedType)
            .Where(static diagnostic => diagnostic is not null)
            .WithTrackingName(TrackingNames.UnmarkedDerivedTypes);
        context.RegisterSourceOutput(unmarked, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic!.ToDiagnostic()));
    }
}
