namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>A model with its shadow columns, as one no-tracking query projects it.</summary>
internal sealed class ModelRow<TModel>
    where TModel : class
{
    public TModel Model { get; init; } = null!;

    public Guid Key { get; init; }

    public string ProviderId { get; init; } = string.Empty;

    public string ModelName { get; init; } = string.Empty;

    public long Version { get; init; }

    public string? Baseline { get; init; }

    public DateTimeOffset? LastSyncedAt { get; init; }

    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    public DateTimeOffset? MissingUpstreamSince { get; init; }

    public string? PriceReview { get; init; }
}
