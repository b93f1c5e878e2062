namespace ModelCatalog.Extensions.AI;

/// <summary>Why <see cref="CatalogChatRouter{TModel}"/> refused a call (<see cref="ModelRoutingException.Reason"/>).</summary>
public enum ModelRoutingFailure
{
    /// <summary>The call named no model (<see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/> is <see langword="null"/>) and no default is configured.</summary>
    NoModel,

    /// <summary>The model string is not a unified model ID; see <see cref="ModelRoutingException.ParseError"/>.</summary>
    InvalidId,

    /// <summary>No model in the catalog has the ID.</summary>
    Unknown,

    /// <summary>The model is in the catalog but switched off.</summary>
    Inactive,

    /// <summary>The provider has retired the model, and routing to its successor is off or there is no usable successor.</summary>
    Retired,

    /// <summary>No <see cref="Microsoft.Extensions.AI.IChatClient"/> is registered for the model's provider ID.</summary>
    ProviderNotRegistered,
}
