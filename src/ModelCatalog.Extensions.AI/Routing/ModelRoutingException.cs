namespace ModelCatalog.Extensions.AI;

/// <summary>
/// Thrown by <see cref="CatalogChatRouter{TModel}"/> when a call cannot be routed; always before any provider client is
/// called. <see cref="Reason"/> says why, so a host can answer a 400 or 404 of its own.
/// </summary>
public sealed class ModelRoutingException : InvalidOperationException
{
    /// <summary>Creates the exception with a message built from the reason.</summary>
    /// <param name="reason">Why the call was refused.</param>
    /// <param name="requestedModel">The model string as the caller sent it (the configured default when none was sent).</param>
    public ModelRoutingException(ModelRoutingFailure reason, string requestedModel)
        : this(reason, requestedModel, UnifiedModelIdError.None, 0, successorId: null)
    {
    }

    internal ModelRoutingException(ModelRoutingFailure reason, string requestedModel, UnifiedModelIdError parseError, int parseErrorPosition, UnifiedModelId? successorId)
        : base(Describe(reason, requestedModel, parseError, parseErrorPosition, successorId))
    {
        Reason = reason;
        RequestedModel = requestedModel ?? string.Empty;
        ParseError = parseError;
        ParseErrorPosition = parseErrorPosition;
        SuccessorId = successorId;
    }

    /// <summary>Why the call was refused.</summary>
    public ModelRoutingFailure Reason { get; }

    /// <summary>The model string as the caller sent it, or the configured default; empty for <see cref="ModelRoutingFailure.NoModel"/>.</summary>
    public string RequestedModel { get; }

    /// <summary>Why the model string is not a unified ID (<see cref="ModelRoutingFailure.InvalidId"/> only).</summary>
    public UnifiedModelIdError ParseError { get; }

    /// <summary>Where the parse failed, in UTF-16 code units (<see cref="ModelRoutingFailure.InvalidId"/> only).</summary>
    public int ParseErrorPosition { get; }

    /// <summary>The successor the catalog names for a retired model, if any (<see cref="ModelRoutingFailure.Retired"/> only).</summary>
    public UnifiedModelId? SuccessorId { get; }

    private static string Describe(ModelRoutingFailure reason, string requested, UnifiedModelIdError error, int position, UnifiedModelId? successor) => reason switch
    {
        ModelRoutingFailure.NoModel => "The chat call names no model (ChatOptions.ModelId) and no default model is configured.",
        ModelRoutingFailure.InvalidId => $"'{requested}' is not a unified model ID: {error.Describe(position)}",
        ModelRoutingFailure.Unknown => $"The model '{requested}' is not in the catalog.",
        ModelRoutingFailure.Inactive => $"The model '{requested}' is disabled in the catalog.",
        ModelRoutingFailure.Retired => successor is { } s
            ? $"The model '{requested}' is retired; its successor is '{s}' (routing to successors is off, or the successor cannot be used)."
            : $"The model '{requested}' is retired.",
        ModelRoutingFailure.ProviderNotRegistered => $"No IChatClient is registered for the provider of '{requested}' (AddKeyedChatClient with its provider ID).",
        _ => $"The model '{requested}' cannot be routed.",
    };
}
