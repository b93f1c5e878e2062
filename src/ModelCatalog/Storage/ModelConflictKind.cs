namespace ModelCatalog.Storage;

/// <summary>Why a batch conflicted.</summary>
public enum ModelConflictKind
{
    /// <summary>Not known (for example a store error that could not be attributed).</summary>
    Unknown = 0,

    /// <summary>The model's stored version differs from the version read.</summary>
    VersionMismatch = 1,

    /// <summary>The model to update or delete no longer exists.</summary>
    Missing = 2,

    /// <summary>A model with the same unified ID (or key) already exists.</summary>
    Duplicate = 3,
}
