namespace ModelCatalog.Gateway;

/// <summary>The outcome of resolving a requested model string.</summary>
public enum ModelResolutionStatus : byte
{
    /// <summary>The model exists and is active.</summary>
    Resolved = 0,

    /// <summary>The requested text is not a valid unified model ID; see <see cref="ModelResolution.ParseError"/>.</summary>
    InvalidId,

    /// <summary>No model has the requested ID.</summary>
    Unknown,

    /// <summary>The model exists but is not active.</summary>
    Inactive,
}
