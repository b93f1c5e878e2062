namespace ModelCatalog.EntityFrameworkCore.Mapping;

/// <summary>
/// The shadow properties the store adds to the model entity (names chosen so they do not collide with a catalog
/// type's own properties) and their column names.
/// </summary>
internal static class CatalogColumns
{
    public const string Key = "CatalogKey";
    public const string ProviderId = "CatalogProviderId";
    public const string ModelName = "CatalogModelName";
    public const string Version = "CatalogVersion";
    public const string Baseline = "CatalogBaseline";
    public const string LastSyncedAt = "CatalogLastSyncedAt";
    public const string SourceName = "CatalogSourceName";
    public const string SourceVersion = "CatalogSourceVersion";
    public const string MissingUpstreamSince = "CatalogMissingUpstreamSince";
    public const string PriceReviewStatus = "CatalogPriceReviewStatus";
    public const string PriceReview = "CatalogPriceReview";

    public static readonly string[] All = [Key, ProviderId, ModelName, Version, Baseline, LastSyncedAt, SourceName, SourceVersion, MissingUpstreamSince, PriceReviewStatus, PriceReview];

    /// <summary>The column names of the shadow properties, for the mapping and for readers that query the table directly.</summary>
    internal static class Names
    {
        public const string Key = "id";
        public const string ProviderId = "provider_id";
        public const string ModelName = "model_name";
        public const string Version = "version";
        public const string Baseline = "sync_baseline";
        public const string LastSyncedAt = "last_synced_at";
        public const string SourceName = "source_name";
        public const string SourceVersion = "source_version";
        public const string MissingUpstreamSince = "missing_upstream_since";
        public const string PriceReviewStatus = "price_review_status";
        public const string PriceReview = "price_review";
    }
}
