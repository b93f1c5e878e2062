using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// What a gateway needs to know about one catalog model: its unified ID, the name the provider expects, how to
/// list it and whether it may be used.
/// </summary>
/// <remarks>
/// Every property but <see cref="Id"/> has a default: the upstream name is the ID's model name, the display name is
/// the ID, the owner is the provider ID, the model is active and visible, and <see cref="Created"/> is the Unix epoch.
/// </remarks>
public sealed class GatewayModel
{
    private readonly string? _upstreamModelName;
    private readonly string? _displayName;
    private readonly string? _ownedBy;
    // Boxed so that the lazily computed value is published atomically to concurrent readers (a Nullable<struct>
    // field could be read half written).
    private object? _encodedUpstreamModelName;
    private object? _encodedId;

    /// <summary>Creates a model with the given unified ID and every other property at its default.</summary>
    /// <param name="id">The unified model ID; must not be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public GatewayModel(UnifiedModelId id)
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException("The unified model ID must not be empty.", nameof(id));
        }

        Id = id;
    }

    /// <summary>The unified model ID clients use (<c>openai/gpt-4o</c>).</summary>
    public UnifiedModelId Id { get; }

    /// <summary>The name sent to the provider in the <c>model</c> field; defaults to the ID's model name.</summary>
    public string UpstreamModelName
    {
        get => _upstreamModelName ?? Id.ModelName;
        init => _upstreamModelName = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The human-readable name (Anthropic's <c>display_name</c>); defaults to the unified ID.</summary>
    public string DisplayName
    {
        get => _displayName ?? Id.ToString();
        init => _displayName = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Whether requests may use the model. Inactive models fail resolution and are not listed.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Whether the model appears in listings. A hidden but active model still resolves.</summary>
    public bool IsVisible { get; init; } = true;

    /// <summary>When the model was created (OpenAI's <c>created</c>, Anthropic's <c>created_at</c>); defaults to the Unix epoch.</summary>
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The owner shown in OpenAI listings (<c>owned_by</c>); defaults to the provider ID.</summary>
    public string OwnedBy
    {
        get => _ownedBy ?? Id.ProviderId;
        init => _ownedBy = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// The provider's lifecycle stage (Anthropic's <c>lifecycle</c>); defaults to <see cref="GatewayModelLifecycle.Active"/>.
    /// Independent of <see cref="IsActive"/>, the gateway's own switch.
    /// </summary>
    public GatewayModelLifecycle Lifecycle { get; init; }

    /// <summary>When the provider deprecated the model (Anthropic's <c>deprecated_at</c>), or <see langword="null"/> when not or unknown.</summary>
    public DateTimeOffset? DeprecatedAt { get; init; }

    /// <summary>When the provider retires the model (Anthropic's <c>retires_at</c>), or <see langword="null"/> when not announced or unknown.</summary>
    public DateTimeOffset? RetiresAt { get; init; }

    /// <summary>The context window in tokens (Anthropic's <c>max_input_tokens</c>), or <see langword="null"/> when unknown.</summary>
    public long? MaxInputTokens { get; init; }

    /// <summary>The largest <c>max_tokens</c> a request may ask for (Anthropic's <c>max_tokens</c>), or <see langword="null"/> when unknown.</summary>
    public long? MaxOutputTokens { get; init; }

    /// <summary>Whether the model is both active and visible, and so appears in listings.</summary>
    public bool IsListed => IsActive && IsVisible;

    /// <summary>The upstream name JSON-escaped once, for the request rewriter.</summary>
    internal JsonEncodedText EncodedUpstreamModelName => (JsonEncodedText)(_encodedUpstreamModelName ??= Encode(UpstreamModelName));

    /// <summary>The unified ID JSON-escaped once, for the response rewriters.</summary>
    internal JsonEncodedText EncodedId => (JsonEncodedText)(_encodedId ??= Encode(Id.ToString()));

    /// <summary>
    /// JSON-escapes a model name with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>: <c>"</c>, <c>\</c>,
    /// control characters (C0, DEL and C1) and the characters that encoder does not pass through (characters outside
    /// the Basic Multilingual Plane, line and paragraph separators, private-use, unassigned and BOM code points) become
    /// <c>\uXXXX</c> escapes; other non-ASCII text stays as UTF-8.
    /// Every JSON parser reads the same string either way.
    /// </summary>
    internal static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <inheritdoc />
    public override string ToString() => Id.ToString();
}
