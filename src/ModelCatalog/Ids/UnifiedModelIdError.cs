namespace ModelCatalog;

/// <summary>
/// Why a text is not a valid <see cref="UnifiedModelId"/>. Returned by the <c>TryParse</c> overloads that
/// report a reason, together with the position of the offending character.
/// </summary>
public enum UnifiedModelIdError : byte
{
    /// <summary>The input is a valid unified model ID.</summary>
    None = 0,

    /// <summary>The input is empty.</summary>
    Empty,

    /// <summary>The input has no <c>/</c> between the provider ID and the model name.</summary>
    MissingSeparator,

    /// <summary>The input starts with <c>/</c>: the provider ID is empty.</summary>
    EmptyProvider,

    /// <summary>Nothing follows the first <c>/</c>: the model name is empty.</summary>
    EmptyModelName,

    /// <summary>The provider ID has a character outside <c>[A-Za-z0-9_]</c>.</summary>
    InvalidProviderCharacter,

    /// <summary>The provider ID is longer than <see cref="UnifiedModelId.MaxProviderIdLength"/> characters.</summary>
    ProviderTooLong,

    /// <summary>The model name is longer than <see cref="UnifiedModelId.MaxModelNameLength"/> UTF-16 code units.</summary>
    ModelNameTooLong,

    /// <summary>The model name has a control character, a white-space character or an unpaired surrogate.</summary>
    InvalidModelNameCharacter,

    /// <summary>The UTF-8 input is not well-formed UTF-8.</summary>
    InvalidUtf8,
}
