using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelCatalog.Generators.Model;

namespace ModelCatalog.Generators;

/// <summary>
/// Finds the two easy mistakes that would otherwise generate nothing without a word: field policies on a type that is
/// not a <c>[SyncModel]</c> type (MC0010), and a type derived from a <c>[SyncModel]</c> type that is not marked itself
/// (MC0011), whose own properties would pass unclassified.
/// </summary>
internal static class MisuseParser
{
    /// <summary>Cheap filter for MC0010: the policy attribute sits on a property.</summary>
    public static bool IsPolicyTarget(SyntaxNode node, CancellationToken cancellationToken) => node is PropertyDeclarationSyntax;

    /// <summary>
    /// A property with a policy whose type is not, and does not derive from, a <c>[SyncModel]</c> type; whether it is
    /// MC0010 depends on whether a <c>[SyncModel]</c> type of the compilation derives from it (see <see cref="BaseTypes"/>).
    /// </summary>
    public static PolicyUse? PolicyOutsideSyncModel(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IPropertySymbol { ContainingType: { } type } property || DerivesFromOrIsSyncModel(type))
        {
            return null; // a [SyncModel] type reports its own property diagnostics; a derived unmarked type gets MC0011
        }

        var location = context.TargetNode is PropertyDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : property.Locations.FirstOrDefault();
        return new PolicyUse(property.Name, type.ToDisplayString(), LocationInfo.From(location));
    }

    /// <summary>The plain base types of a <c>[SyncModel]</c> type: policies there are classified by the derived type.</summary>
    public static EquatableArray<string> BaseTypes(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        for (var t = ((INamedTypeSymbol)context.TargetSymbol).BaseType; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            names.Add(t.OriginalDefinition.ToDisplayString());
        }

        return new EquatableArray<string>([.. names]);
    }

    /// <summary>Merges the base types of every <c>[SyncModel]</c> type into one sorted set that compares by value.</summary>
    public static EquatableArray<string> Union(ImmutableArray<EquatableArray<string>> baseTypes, CancellationToken cancellationToken)
        => new([.. baseTypes.SelectMany(static b => b).Distinct().OrderBy(static n => n, System.StringComparer.Ordinal)]);

    /// <summary>MC0010, unless a <c>[SyncModel]</c> type of this compilation derives from the property's type.</summary>
    public static DiagnosticInfo? ToDiagnostic((PolicyUse Use, EquatableArray<string> SyncModelBases) input, CancellationToken cancellationToken)
    {
        var (use, bases) = input;
        var typeName = use.TypeName;
        var genericStart = typeName.IndexOf('<');
        var definition = genericStart < 0 ? typeName : typeName.Substring(0, genericStart);
        foreach (var name in bases)
        {
            var nameStart = name.IndexOf('<');
            if ((nameStart < 0 ? name : name.Substring(0, nameStart)) == definition)
            {
                return null;
            }
        }

        return new DiagnosticInfo(DiagnosticDescriptors.PolicyOutsideSyncModel.Id, use.Location, new EquatableArray<string>([use.PropertyName, use.TypeName]));
    }

    /// <summary>Cheap filter for MC0011: a class or record class declaration with a base list.</summary>
    public static bool IsDerivedTypeCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node switch
        {
            ClassDeclarationSyntax c => c.BaseList is not null,
            RecordDeclarationSyntax r => r.BaseList is not null && !r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword),
            _ => false,
        };

    /// <summary>MC0011 for a type that derives from a <c>[SyncModel]</c> type without being marked itself.</summary>
    public static DiagnosticInfo? UnmarkedDerivedType(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
            || Parser.HasSyncModel(type)
            || type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) != declaration)
        {
            return null; // marked, or another part of the same partial type reports it once
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (Parser.HasSyncModel(baseType))
            {
                return new DiagnosticInfo(
                    DiagnosticDescriptors.UnmarkedDerivedType.Id,
                    LocationInfo.From(declaration.Identifier.GetLocation()),
                    new EquatableArray<string>([type.ToDisplayString(), baseType.ToDisplayString()]));
            }
        }

        return null;
    }

    private static bool DerivesFromOrIsSyncModel(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Parser.HasSyncModel(t))
            {
                return true;
            }
        }

        return false;
    }
}
