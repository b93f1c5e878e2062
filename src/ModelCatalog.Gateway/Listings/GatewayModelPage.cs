namespace ModelCatalog.Gateway;

/// <summary>One page of a model listing.</summary>
public sealed class GatewayModelPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="models">The models of the page, in ID order.</param>
    /// <param name="hasMore">Whether more models lie beyond the page in the direction paged.</param>
    public GatewayModelPage(IReadOnlyList<GatewayModel> models, bool hasMore)
    {
        ArgumentNullException.ThrowIfNull(models);
        Models = models;
        HasMore = hasMore;
    }

    /// <summary>The models of the page, in ID order.</summary>
    public IReadOnlyList<GatewayModel> Models { get; }

    /// <summary>Whether more models lie beyond the page in the direction paged.</summary>
    public bool HasMore { get; }

    /// <summary>The first model's ID, or empty for an empty page.</summary>
    public UnifiedModelId FirstId => Models.Count == 0 ? default : Models[0].Id;

    /// <summary>The last model's ID, or empty for an empty page.</summary>
    public UnifiedModelId LastId => Models.Count == 0 ? default : Models[^1].Id;
}
