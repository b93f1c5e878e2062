namespace ModelCatalog.Sync;

/// <summary>What a sync does with models of its source that the snapshot no longer lists.</summary>
public enum MissingModelPolicy
{
    /// <summary>The default: keep them and mark them missing upstream (once; the mark clears when they return).</summary>
    Keep = 0,

    /// <summary>Deactivate them (<see cref="IModelAvailability.IsActive"/> = false) and mark them; needs a model type implementing <see cref="IModelAvailability"/>.</summary>
    Deactivate = 1,

    /// <summary>Delete them.</summary>
    Delete = 2,
}
