namespace ModelCatalog.Storage;

/// <summary>What a history entry records.</summary>
public enum ModelChangeKind
{
    /// <summary>A sync created the model.</summary>
    Created = 0,

    /// <summary>A sync changed the model or reported kept values.</summary>
    Synced = 1,

    /// <summary>An administrator edited the model.</summary>
    LocalEdit = 2,

    /// <summary>A sync noticed the model is no longer in its source and kept it.</summary>
    MissingUpstream = 3,

    /// <summary>A sync deactivated the model because it is no longer in its source.</summary>
    Deactivated = 4,

    /// <summary>The model was deleted (by a sync's removal policy or by deleting its provider).</summary>
    Deleted = 5,

    /// <summary>A sync held a price change for review; the changes list the proposed values not applied.</summary>
    PriceHeld = 6,

    /// <summary>A held price change was approved and applied.</summary>
    PriceApproved = 7,

    /// <summary>A held price change was rejected; the stored prices stay.</summary>
    PriceRejected = 8,
}
