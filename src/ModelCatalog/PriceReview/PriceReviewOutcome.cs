namespace ModelCatalog;

/// <summary>The outcome of approving or rejecting a held price change.</summary>
public enum PriceReviewOutcome
{
    /// <summary>The proposed prices were applied.</summary>
    Approved = 0,

    /// <summary>The stored prices were kept and the proposal marked rejected.</summary>
    Rejected = 1,

    /// <summary>No model has the ID.</summary>
    NotFound = 2,

    /// <summary>The model has no pending price change (none was held, or it was already decided).</summary>
    NothingPending = 3,
}
