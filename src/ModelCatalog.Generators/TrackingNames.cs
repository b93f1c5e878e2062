namespace ModelCatalog.Generators;

/// <summary>The names of the tracked pipeline steps, for incremental caching tests.</summary>
internal static class TrackingNames
{
    public const string Parse = "Parse";
    public const string Diagnostics = "Diagnostics";
    public const string Models = "Models";
    public const string MisplacedPolicies = "MisplacedPolicies";
    public const string UnmarkedDerivedTypes = "UnmarkedDerivedTypes";
}
