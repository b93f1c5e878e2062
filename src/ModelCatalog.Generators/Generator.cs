using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generators;

/// <summary>
/// Emits, for every <c>[SyncModel]</c> partial class or record, an implementation of
/// <c>ModelCatalog.ICatalogModel&lt;T&gt;</c> and its field-policy merger, and reports the MC diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class Generator : IIncrementalGenerator
{
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
    }
}
