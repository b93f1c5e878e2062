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
}
