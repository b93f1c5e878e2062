using System.Diagnostics.CodeAnalysis;

namespace ModelCatalog.Gateway;

/// <summary>
/// The result of <see cref="ModelResolver"/>: the model, its canonical ID, provider ID and upstream name, or why there
/// is none.
/// </summary>
public sealed class ModelResolution
{
    private ModelResolution(ModelResolutionStatus status, string requested, GatewayModel? model, UnifiedModelIdError parseError, int parseErrorPosition, bool caseInsensitiveMatch)
    {
        Status = status;
        Requested = requested;
        Model = model;
        ParseError = parseError;
        ParseErrorPosition = parseErrorPosition;
        IsCaseInsensitiveMatch = caseInsensitiveMatch;
    }

    /// <summary>The outcome.</summary>
    public ModelResolutionStatus Status { get; }

    /// <summary>Whether a usable model was found (<see cref="ModelResolutionStatus.Resolved"/>).</summary>
    [MemberNotNullWhen(true, nameof(Model))]
    public bool IsResolved => Status == ModelResolutionStatus.Resolved;

    /// <summary>The model string exactly as the client sent it.</summary>
    public string Requested { get; }

    /// <summary>The model when found (also for <see cref="ModelResolutionStatus.Inactive"/>), else <see langword="null"/>.</summary>
    public GatewayModel? Model { get; }

    /// <summary>The canonical unified ID of the model, or <see cref="UnifiedModelId.Empty"/> when none was found.</summary>
    public UnifiedModelId Id => Model?.Id ?? default;

    /// <summary>The provider to forward to, or the empty string when no model was found.</summary>
    public string ProviderId => Model?.Id.ProviderId ?? string.Empty;

    /// <summary>The model name to send upstream, or the empty string when no model was found.</summary>
    public string UpstreamModelName => Model?.UpstreamModelName ?? string.Empty;

    /// <summary>Why the requested text is not a unified ID (<see cref="ModelResolutionStatus.InvalidId"/> only).</summary>
    public UnifiedModelIdError ParseError { get; }

    /// <summary>Where the parse failed: UTF-16 code units for text input, bytes for UTF-8 input.</summary>
    public int ParseErrorPosition { get; }

    /// <summary>Whether the model was found by the case-insensitive fallback rather than an exact match.</summary>
    public bool IsCaseInsensitiveMatch { get; }

    /// <summary>The protocol error to answer with, or <see langword="null"/> when resolved.</summary>
    public GatewayError? Error => Status switch
    {
        ModelResolutionStatus.Resolved => null,
        ModelResolutionStatus.InvalidId => GatewayError.InvalidModelId(Requested, ParseError, ParseErrorPosition),
        ModelResolutionStatus.Inactive => GatewayError.ModelInactive(Requested),
        _ => GatewayError.ModelNotFound(Requested),
    };

    internal static ModelResolution Found(string requested, GatewayModel model, bool caseInsensitiveMatch)
        => new(model.IsActive ? ModelResolutionStatus.Resolved : ModelResolutionStatus.Inactive, requested, model, UnifiedModelIdError.None, 0, caseInsensitiveMatch);

    internal static ModelResolution NotFound(string requested)
        => new(ModelResolutionStatus.Unknown, requested, null, UnifiedModelIdError.None, 0, false);

    internal static ModelResolution Invalid(string requested, UnifiedModelIdError error, int position)
        => new(ModelResolutionStatus.InvalidId, requested, null, error, position, false);

    /// <inheritdoc />
    public override string ToString() => IsResolved ? $"{Requested} -> {Model.Id.ProviderId}:{Model.UpstreamModelName}" : $"{Requested}: {Status}";
}
