namespace ModelCatalog;

/// <summary>Where a model is in its lifecycle, as the source states it.</summary>
public enum ModelStatus
{
    /// <summary>Generally available.</summary>
    Active,

    /// <summary>An early, experimental release (models.dev <c>alpha</c>).</summary>
    Alpha,

    /// <summary>A preview release (models.dev <c>beta</c>).</summary>
    Beta,

    /// <summary>Still served, but scheduled for retirement or no longer recommended.</summary>
    Deprecated,

    /// <summary>No longer served by the provider.</summary>
    Retired,
}
