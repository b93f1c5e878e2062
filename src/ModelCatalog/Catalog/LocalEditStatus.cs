namespace ModelCatalog;

/// <summary>The outcome of a local edit.</summary>
public enum LocalEditStatus
{
    /// <summary>At least one field changed and was written.</summary>
    Updated = 0,

    /// <summary>The edit changed nothing; nothing was written.</summary>
    Unchanged = 1,

    /// <summary>No model has the ID.</summary>
    NotFound = 2,
}
