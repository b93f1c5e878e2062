namespace ModelCatalog;

/// <summary>How a sync treats models that already exist in the catalog. New models are always created.</summary>
public enum UpdateMode
{
    /// <summary>
    /// The default: official fields take the official value, local fields are kept, conditional fields follow the
    /// official value until an administrator customises them.
    /// </summary>
    Smart = 0,

    /// <summary>
    /// Existing models are left untouched (the original tool's <c>--skip-existing</c>), missing-upstream marks
    /// included: a Skip run neither marks nor removes models its source no longer lists.
    /// </summary>
    Skip = 1,

    /// <summary>Every field takes the official value, overwriting local and customised values (<c>--force</c>).</summary>
    Force = 2,
}
