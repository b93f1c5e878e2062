namespace ModelCatalog.Storage;

/// <summary>
/// Filters and keyset paging for <see cref="IModelStore{TModel}.ListAsync"/>. Results are ordered by unified ID
/// (provider ID, then model name, ordinal); a page continues strictly after <see cref="After"/>, so inserts between
/// pages never repeat or skip a model that was there before.
/// </summary>
public sealed record ModelQuery
{
    /// <summary>The largest page a store returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only models of this provider ID.</summary>
    public string? ProviderId { get; init; }

    /// <summary>Only models with this <see cref="IModelAvailability.IsActive"/> value (models implementing <see cref="IModelAvailability"/>).</summary>
    public bool? IsActive { get; init; }

    /// <summary>Only models with this <see cref="IModelAvailability.IsVisible"/> value (models implementing <see cref="IModelAvailability"/>).</summary>
    public bool? IsVisible { get; init; }

    /// <summary>Only models owned by this sync source.</summary>
    public string? SourceName { get; init; }

    /// <summary>Only models with a price review in this state (<see cref="PriceReviewStatus.Pending"/> lists what waits for review).</summary>
    public PriceReviewStatus? PriceReview { get; init; }

    /// <summary>Start strictly after this ID; the "no ID" value starts at the beginning.</summary>
    public UnifiedModelId After { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>; 100 by default.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Throws when the query cannot be run.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Limit"/> is out of range.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"A page holds 1 to {MaxLimit} models.");
        }
    }
}
