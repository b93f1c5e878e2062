namespace ModelCatalog.ReadModel;

/// <summary>The outcome of <see cref="CatalogSnapshot{TModel}.Lookup(string, bool)"/>.</summary>
public enum ModelLookupStatus : byte
{
    /// <summary>The model exists and is active.</summary>
    Found = 0,

    /// <summary>The requested text is not a valid unified model ID; see <see cref="ModelLookup.ParseError"/>.</summary>
    InvalidId,

    /// <summary>No model has the requested ID.</summary>
    Unknown,

    /// <summary>The model exists but is switched off (<see cref="IModelAvailability.IsActive"/> is <see langword="false"/>).</summary>
    Inactive,
}
