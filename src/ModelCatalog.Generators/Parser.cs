using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelCatalog.Generators.Model;

namespace ModelCatalog.Generators;

/// <summary>Turns a <c>[SyncModel]</c> type symbol into an equatable <see cref="TypeModel"/> and its diagnostics.</summary>
internal static class Parser
{
    private const string RootNamespace = "ModelCatalog";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The cheap syntax filter: only class and record class declarations can carry the attribute.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is ClassDeclarationSyntax
            || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var compilation = context.SemanticModel.Compilation;
        var typeLocation = LocationInfo.From(
            context.TargetNode is TypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : type.Locations.FirstOrDefault());
        var diagnostics = new List<DiagnosticInfo>();
        var hasError = false;

        void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        {
            diagnostics.Add(new DiagnosticInfo(descriptor.Id, location ?? typeLocation, new EquatableArray<string>(args)));
            hasError = true;
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!IsPartial(t, cancellationToken))
            {
                Report(DiagnosticDescriptors.NotPartial, null, t.ToDisplayString());
            }
        }

        if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public
                && (!HasRequiredMembers(type) || c.GetAttributes().Any(a => a.AttributeClass?.Name == "SetsRequiredMembersAttribute"))))
        {
            Report(DiagnosticDescriptors.NoParameterlessConstructor, null, type.ToDisplayString());
        }

        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Add(t);
        }

        chain.Reverse();
        var seen = new HashSet<string>();
        var keys = new List<string>();
        var fields = new List<FieldModel>();
        foreach (var declaringType in chain)
        {
            // An inherited [SyncModel] type reports its own property diagnostics; here they only block generation.
            var reportHere = SymbolEqualityComparer.Default.Equals(declaringType, type) || !HasSyncModel(declaringType);
            foreach (var member in declaringType.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property)
                {
                    continue;
                }

                var policies = GetPolicies(property);
                var settable = property.DeclaredAccessibility == Accessibility.Public
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false };
                if (policies.Count == 0 && !settable)
                {
                    continue;
                }

                if (!seen.Add(property.Name))
                {
                    continue; // an override or a hidden member: the first declaration (base first) decides
                }

                var location = LocationInfo.From(property.Locations.FirstOrDefault(l => l.IsInSource));
                var typeName = type.ToDisplayString();
                if (policies.Count == 0)
                {
                    if (IsUnifiedModelId(property.Type))
                    {
                        keys.Add(property.Name);
                    }
                    else if (reportHere)
                    {
                        Report(DiagnosticDescriptors.MissingPolicy, location, property.Name, typeName);
                    }
                    else
                    {
                        hasError = true;
                    }

                    continue;
                }

                if (policies.Count > 1)
                {
                    Report(DiagnosticDescriptors.MultiplePolicies, reportHere ? location : null, property.Name, typeName);
                    continue;
                }

                if (!settable)
                {
                    Report(DiagnosticDescriptors.PolicyOnInaccessibleProperty, reportHere ? location : null, property.Name, typeName);
                    continue;
                }

                var field = ParseField(property, policies[0], compilation, reportHere ? location : null, Report);
                if (field is not null)
                {
                    fields.Add(field);
                }
            }
        }

        if (keys.Count == 0)
        {
            Report(DiagnosticDescriptors.MissingKey, null, type.ToDisplayString());
        }
        else if (keys.Count > 1)
        {
            Report(DiagnosticDescriptors.DuplicateKey, null, type.ToDisplayString(), string.Join(", ", keys));
        }

        var model = hasError
            ? null
            : new TypeModel(
                type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                type.IsRecord ? "record" : "class",
                NameWithTypeParameters(type),
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                new EquatableArray<ContainingTypeModel>(ContainingTypes(type)),
                HidesBaseMerger(type),
                keys[0],
                new EquatableArray<FieldModel>([.. fields]));
        return new ParseResult(model, new EquatableArray<DiagnosticInfo>([.. diagnostics]));
    }

    private static FieldModel? ParseField(
        IPropertySymbol property,
        AttributeData policy,
        Compilation compilation,
        LocationInfo? location,
        System.Action<DiagnosticDescriptor, LocationInfo?, string[]> report)
    {
        var type = property.Type;
        var policyValue = policy.AttributeClass!.Name switch
        {
            "OfficialAttribute" => 0,
            "LocalAttribute" => 1,
            _ => 2,
        };

        var (equality, copy, typeArguments) = Classify(type);
        var comparer = policy.NamedArguments.FirstOrDefault(a => a.Key == "Comparer").Value;
        if (comparer.Kind == TypedConstantKind.Type && comparer.Value is ITypeSymbol comparerType)
        {
            if (!IsValidComparer(comparerType, type, compilation))
            {
                report(DiagnosticDescriptors.InvalidComparer, location, [comparerType.ToDisplayString(), property.Name, type.ToDisplayString()]);
                return null;
            }

            equality = EqualityKind.Custom;
            typeArguments = new EquatableArray<string>([comparerType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)]);
        }

        var baseline = BaselineKind.None;
        var cast = string.Empty;
        if (policyValue == 2)
        {
            (baseline, cast) = ClassifyBaseline(type);
            if (baseline == BaselineKind.None)
            {
                report(DiagnosticDescriptors.UnsupportedConditionalType, location, [property.Name, type.ToDisplayString()]);
                return null;
            }
        }

        return new FieldModel(
            property.Name,
            policyValue,
            type.ToDisplayString(TypeFormat),
            type.ToDisplayString(DisplayFormat),
            equality,
            copy,
            baseline,
            cast,
            typeArguments);
    }

    private static (EqualityKind Equality, CopyKind Copy, EquatableArray<string> TypeArguments) Classify(ITypeSymbol type)
    {
        var core = UnwrapNullable(type);
        if (IsOperatorComparable(core))
        {
            return (EqualityKind.Operator, CopyKind.Assign, default);
        }

        if (IsNamed(core, "System.Text.Json.JsonElement"))
        {
            return (EqualityKind.JsonElement, core.Equals(type, SymbolEqualityComparer.Default) ? CopyKind.JsonElement : CopyKind.NullableJsonElement, default);
        }

        if (IsJsonNode(type))
        {
            return (EqualityKind.JsonNode, CopyKind.JsonNode, default);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return (EqualityKind.Sequence, CopyKind.Array, Args(array.ElementType));
        }

        if (type is INamedTypeSymbol named)
        {
            var definition = MetadataName(named);
            switch (definition)
            {
                case "System.Collections.Generic.Dictionary`2":
                    return (EqualityKind.ReadOnlyDictionary, CopyKind.Dictionary, Args(named.TypeArguments[0], named.TypeArguments[1]));
                case "System.Collections.Generic.IReadOnlyDictionary`2":
                    return (EqualityKind.ReadOnlyDictionary, CopyKind.DictionaryInterface, Args(named.TypeArguments[0], named.TypeArguments[1]));
                case "System.Collections.Generic.IDictionary`2":
                    return (EqualityKind.Dictionary, CopyKind.DictionaryInterface, Args(named.TypeArguments[0], named.TypeArguments[1]));
                case "System.Collections.Generic.List`1":
                case "System.Collections.Generic.IList`1":
                case "System.Collections.Generic.ICollection`1":
                case "System.Collections.Generic.IEnumerable`1":
                case "System.Collections.Generic.IReadOnlyList`1":
                case "System.Collections.Generic.IReadOnlyCollection`1":
                    return (EqualityKind.Sequence, CopyKind.List, Args(named.TypeArguments[0]));
            }

            var readOnlyDictionary = FindInterface(named, "System.Collections.Generic.IReadOnlyDictionary`2");
            if (readOnlyDictionary is not null)
            {
                return (EqualityKind.ReadOnlyDictionary, CopyKind.Assign, Args(readOnlyDictionary.TypeArguments[0], readOnlyDictionary.TypeArguments[1]));
            }

            var dictionary = FindInterface(named, "System.Collections.Generic.IDictionary`2");
            if (dictionary is not null)
            {
                return (EqualityKind.Dictionary, CopyKind.Assign, Args(dictionary.TypeArguments[0], dictionary.TypeArguments[1]));
            }

            var enumerable = FindInterface(named, "System.Collections.Generic.IEnumerable`1");
            if (enumerable is not null && named.SpecialType != SpecialType.System_String)
            {
                return (EqualityKind.Sequence, CopyKind.Assign, Args(enumerable.TypeArguments[0]));
            }
        }

        return (EqualityKind.Default, CopyKind.Assign, default);
    }

    private static (BaselineKind Kind, string Cast) ClassifyBaseline(ITypeSymbol type)
    {
        if (IsJsonNode(type))
        {
            return (BaselineKind.JsonNode, string.Empty);
        }

        var core = UnwrapNullable(type);
        if (core is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return underlying.SpecialType == SpecialType.System_UInt64 ? (BaselineKind.UInt64, "ulong?") : (BaselineKind.Int64, "long?");
        }

        return core.SpecialType switch
        {
            SpecialType.System_String => (BaselineKind.String, string.Empty),
            SpecialType.System_Boolean => (BaselineKind.Boolean, string.Empty),
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => (BaselineKind.Int64, "long?"),
            SpecialType.System_UInt64 => (BaselineKind.UInt64, string.Empty),
            SpecialType.System_Single or SpecialType.System_Double => (BaselineKind.Double, "double?"),
            SpecialType.System_Decimal => (BaselineKind.Decimal, string.Empty),
            SpecialType.System_DateTime => (BaselineKind.DateTime, string.Empty),
            _ when IsNamed(core, "System.Guid") => (BaselineKind.Guid, string.Empty),
            _ when IsNamed(core, "System.DateTimeOffset") => (BaselineKind.DateTimeOffset, string.Empty),
            _ when IsUnifiedModelId(core) => (BaselineKind.Id, string.Empty),
            _ when IsNamed(core, "System.Text.Json.JsonElement") => (BaselineKind.JsonElement, string.Empty),
            _ => (BaselineKind.None, string.Empty),
        };
    }

    private static bool IsValidComparer(ITypeSymbol comparer, ITypeSymbol propertyType, Compilation compilation)
    {
        if (comparer is not INamedTypeSymbol named || named.IsAbstract || named.IsUnboundGenericType
            || !(named.TypeKind == TypeKind.Struct
                || named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)))
        {
            return false;
        }

        var equalityComparer = compilation.GetTypeByMetadataName("System.Collections.Generic.IEqualityComparer`1");
        foreach (var candidate in named.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, equalityComparer))
            {
                continue;
            }

            var compared = candidate.TypeArguments[0];
            if (SymbolEqualityComparer.Default.Equals(compared, propertyType))
            {
                return true;
            }

            var conversion = compilation.ClassifyCommonConversion(propertyType, compared);
            if (conversion.IsImplicit && conversion.IsReference)
            {
                return true; // IEqualityComparer<in T> is contravariant
            }
        }

        return false;
    }

    private static List<AttributeData> GetPolicies(IPropertySymbol property)
    {
        var result = new List<AttributeData>();
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "OfficialAttribute" or "LocalAttribute" or "ConditionalAttribute" } attributeClass
                && IsInRootNamespace(attributeClass))
            {
                result.Add(attribute);
            }
        }

        return result;
    }

    internal static bool HasSyncModel(INamedTypeSymbol type)
        => type.GetAttributes().Any(a => a.AttributeClass is { Name: "SyncModelAttribute" } c && IsInRootNamespace(c));

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HidesBaseMerger(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (HasSyncModel(t) || t.GetMembers("Merger").Any(m => m.IsStatic))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static ContainingTypeModel[] ContainingTypes(INamedTypeSymbol type)
    {
        var result = new List<ContainingTypeModel>();
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            var keyword = t.TypeKind switch
            {
                TypeKind.Struct => t.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => t.IsRecord ? "record" : "class",
            };
            result.Insert(0, new ContainingTypeModel(keyword, NameWithTypeParameters(t)));
        }

        return [.. result];
    }

    private static string NameWithTypeParameters(INamedTypeSymbol type)
        => type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

    private static EquatableArray<string> Args(params ITypeSymbol[] types)
        => new([.. types.Select(t => t.ToDisplayString(TypeFormat))]);

    private static INamedTypeSymbol? FindInterface(INamedTypeSymbol type, string definition)
        => type.AllInterfaces.FirstOrDefault(i => MetadataName(i) == definition);

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsOperatorComparable(ITypeSymbol core)
    {
        switch (core.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return core.TypeKind == TypeKind.Enum
            || IsNamed(core, "System.Guid")
            || IsNamed(core, "System.DateTimeOffset")
            || IsNamed(core, "System.TimeSpan")
            || IsUnifiedModelId(core);
    }

    private static bool IsJsonNode(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsNamed(t, "System.Text.Json.Nodes.JsonNode"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnifiedModelId(ITypeSymbol type) => type is { Name: "UnifiedModelId" } && IsInRootNamespace(type);

    private static bool IsInRootNamespace(ISymbol symbol)
        => symbol.ContainingNamespace is { Name: RootNamespace, ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsNamed(ITypeSymbol type, string fullName) => MetadataName(type) == fullName;

    /// <summary>The namespace-qualified metadata name (<c>System.Collections.Generic.List`1</c>), free of display options.</summary>
    private static string MetadataName(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return definition.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + definition.MetadataName
            : definition.MetadataName;
    }

}
