using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generators;

/// <summary>The catalog of every diagnostic the generator reports (see AnalyzerReleases.Unshipped.md).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ModelCatalog";

    public static readonly DiagnosticDescriptor MissingPolicy = Create(
        "MC0001",
        "Property has no field policy",
        "Property '{0}' of catalog type '{1}' is public and settable but has no field policy; mark it [Official], [Local] or [Conditional]");

    public static readonly DiagnosticDescriptor MultiplePolicies = Create(
        "MC0002",
        "Property has more than one field policy",
        "Property '{0}' of catalog type '{1}' has more than one field policy; keep exactly one of [Official], [Local] and [Conditional]");

    public static readonly DiagnosticDescriptor PolicyOnInaccessibleProperty = Create(
        "MC0003",
        "Field policy on a property without a public getter and setter",
        "Property '{0}' of catalog type '{1}' has a field policy but no public getter and public setter (init-only setters cannot be merged)");

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "MC0004",
        "Catalog type is not partial",
        "Type '{0}' must be declared partial so the merger can be generated");

    public static readonly DiagnosticDescriptor MissingKey = Create(
        "MC0005",
        "Catalog type has no key property",
        "Catalog type '{0}' needs one public settable UnifiedModelId property without a field policy as its key");

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "MC0006",
        "Catalog type has more than one key property",
        "Catalog type '{0}' has more than one UnifiedModelId key property ({1}); give all but one a field policy");

    public static readonly DiagnosticDescriptor InvalidComparer = Create(
        "MC0007",
        "Field comparer has the wrong type",
        "Comparer '{0}' of property '{1}' must implement IEqualityComparer<{2}> and have a public parameterless constructor");

    public static readonly DiagnosticDescriptor UnsupportedConditionalType = Create(
        "MC0008",
        "Conditional property type cannot be recorded in the baseline",
        "Property '{0}' is [Conditional] but its type '{1}' cannot be recorded in the baseline; use string, bool, a number, decimal, an enum, Guid, DateTime, DateTimeOffset, UnifiedModelId, JsonElement, JsonNode or a nullable of these");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Create(
        "MC0009",
        "Catalog type has no public parameterless constructor",
        "Catalog type '{0}' needs a public parameterless constructor (marked [SetsRequiredMembers] when it has required members) and must not be abstract, so its merger can create copies");

    public static readonly DiagnosticDescriptor PolicyOutsideSyncModel = Create(
        "MC0010",
        "Field policy on a type that is not a catalog type",
        "Property '{0}' has a field policy, but its type '{1}' is not marked [SyncModel], so no merger is generated and the policy does nothing; mark '{1}' [SyncModel] and partial, or remove the policy");

    public static readonly DiagnosticDescriptor UnmarkedDerivedType = Create(
        "MC0011",
        "Type derived from a catalog type is not marked [SyncModel]",
        "Type '{0}' derives from catalog type '{1}' but is not marked [SyncModel], so its own properties are not classified and it has no merger of its own; mark '{0}' [SyncModel] and partial");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [MissingPolicy.Id] = MissingPolicy,
        [MultiplePolicies.Id] = MultiplePolicies,
        [PolicyOnInaccessibleProperty.Id] = PolicyOnInaccessibleProperty,
        [NotPartial.Id] = NotPartial,
        [MissingKey.Id] = MissingKey,
        [DuplicateKey.Id] = DuplicateKey,
        [InvalidComparer.Id] = InvalidComparer,
        [UnsupportedConditionalType.Id] = UnsupportedConditionalType,
        [NoParameterlessConstructor.Id] = NoParameterlessConstructor,
        [PolicyOutsideSyncModel.Id] = PolicyOutsideSyncModel,
        [UnmarkedDerivedType.Id] = UnmarkedDerivedType,
    };

    /// <summary>Finds a descriptor by its ID (pipeline models carry IDs, not descriptors).</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
