using Microsoft.Extensions.AI;

namespace ModelCatalog.Extensions.AI;

/// <summary>Reads the cost <see cref="CatalogCostChatClient{TModel}"/> attached to a response or a streamed update.</summary>
public static class ChatCostExtensions
{
    /// <summary>The key of the <see cref="CostBreakdown"/> in <see cref="ChatResponse.AdditionalProperties"/> and <see cref="ChatResponseUpdate.AdditionalProperties"/>.</summary>
    public const string CostPropertyName = "modelcatalog.cost";

    /// <summary>The cost the catalog computed for this response, or <see langword="null"/> when it was not priced.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The breakdown, or <see langword="null"/>.</returns>
    public static CostBreakdown? GetCatalogCost(this ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.AdditionalProperties?.TryGetValue(CostPropertyName, out var value) == true ? value as CostBreakdown : null;
    }

    /// <summary>The cost the catalog computed for the usage in this update, or <see langword="null"/> when it carries none.</summary>
    /// <param name="update">The streamed update.</param>
    /// <returns>The breakdown, or <see langword="null"/>.</returns>
    public static CostBreakdown? GetCatalogCost(this ChatResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.AdditionalProperties?.TryGetValue(CostPropertyName, out var value) == true ? value as CostBreakdown : null;
    }
}
