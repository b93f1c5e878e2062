namespace ModelCatalog.Extensions.AI;

/// <summary>How <see cref="CatalogChatRouter{TModel}"/> picks a model for a call.</summary>
public sealed class ChatRoutingOptions
{
    /// <summary>
    /// The unified model ID used when a call sets no <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/>, or
    /// <see langword="null"/> to require one on every call. Also what <c>GetService&lt;ChatClientMetadata&gt;()</c> reports.
    /// Must be a valid unified ID (checked at start-up).
    /// </summary>
    public string? DefaultModelId { get; set; }

    /// <summary>
    /// When no model has exactly the requested ID, use the one model whose ID matches ignoring case (the resolution of
    /// <see cref="ReadModel.CatalogSnapshot{TModel}.Lookup(string, bool)"/>, shared with the gateway). The provider then
    /// receives the catalog's own upstream name and responses carry the canonical ID. Off by default: IDs are case-sensitive.
    /// </summary>
    public bool CaseInsensitiveFallback { get; set; }

    /// <summary>
    /// Route a call for a retired model to its successor (<see cref="ModelLifecycle.SuccessorId"/>, followed while the
    /// successor is itself retired, at most <see cref="CatalogChatRouter{TModel}.MaxSuccessorHops"/> steps) instead of
    /// refusing it. Responses then carry the successor's ID: the model that answered. Off by default.
    /// </summary>
    public bool RouteRetiredToSuccessor { get; set; }
}
