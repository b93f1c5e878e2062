namespace ModelCatalog.Generators.Model;

/// <summary>A property with a field policy on a type that is not a <c>[SyncModel]</c> type (a candidate for MC0010).</summary>
internal sealed record PolicyUse(string PropertyName, string TypeName, LocationInfo? Location);
