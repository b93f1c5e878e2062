namespace ModelCatalog;

/// <summary>
/// Implemented by catalog models that can be switched off or hidden locally (the built-in <see cref="CatalogModel"/>
/// does). Stores filter on it, gateways list only active and visible models, and the sync removal policy
/// <see cref="Sync.MissingModelPolicy.Deactivate"/> clears <see cref="IsActive"/>.
/// </summary>
public interface IModelAvailability
{
    /// <summary>Whether the model can be used.</summary>
    bool IsActive { get; set; }

    /// <summary>Whether the model is listed to users.</summary>
    bool IsVisible { get; set; }
}
