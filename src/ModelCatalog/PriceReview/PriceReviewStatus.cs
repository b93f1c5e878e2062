namespace ModelCatalog;

/// <summary>Where a held price change stands.</summary>
public enum PriceReviewStatus
{
    /// <summary>Held: the stored prices stay until someone approves or rejects the proposal.</summary>
    Pending = 0,

    /// <summary>
    /// Rejected: the stored prices stay, and later syncs that propose exactly the rejected prices again keep them
    /// without asking; a different proposal is held anew.
    /// </summary>
    Rejected = 1,
}
