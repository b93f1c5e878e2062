using System.Globalization;

namespace ModelCatalog;

/// <summary>Turns a <see cref="UnifiedModelIdError"/> into a message a person can act on.</summary>
public static class UnifiedModelIdErrorExtensions
{
    /// <summary>
    /// Describes <paramref name="error"/> at <paramref name="position"/> (an index into the input: UTF-16 code units
    /// for text, bytes for UTF-8), for example <c>invalid character '-' in the provider ID at position 4</c>.
    /// </summary>
    /// <param name="error">The reason the parse failed.</param>
    /// <param name="position">The index of the offending character in the input.</param>
    /// <returns>An English sentence without a trailing period.</returns>
    public static string Describe(this UnifiedModelIdError error, int position) => error switch
    {
        UnifiedModelIdError.None => "the unified model ID is valid",
        UnifiedModelIdError.Empty => "the unified model ID is empty",
        UnifiedModelIdError.MissingSeparator => "the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name')",
        UnifiedModelIdError.EmptyProvider => "the provider ID before the first '/' is empty",
        UnifiedModelIdError.EmptyModelName => string.Create(CultureInfo.InvariantCulture, $"the model name after the first '/' is empty (position {position})"),
        UnifiedModelIdError.InvalidProviderCharacter => string.Create(CultureInfo.InvariantCulture, $"the provider ID has an invalid character at position {position} (allowed: A-Z, a-z, 0-9 and '_')"),
        UnifiedModelIdError.ProviderTooLong => string.Create(CultureInfo.InvariantCulture, $"the provider ID is longer than {UnifiedModelId.MaxProviderIdLength} characters (position {position})"),
        UnifiedModelIdError.ModelNameTooLong => string.Create(CultureInfo.InvariantCulture, $"the model name is longer than {UnifiedModelId.MaxModelNameLength} characters (position {position})"),
        UnifiedModelIdError.InvalidModelNameCharacter => string.Create(CultureInfo.InvariantCulture, $"the model name has a control, white-space or unpaired surrogate character at position {position}"),
        UnifiedModelIdError.InvalidUtf8 => string.Create(CultureInfo.InvariantCulture, $"the input is not valid UTF-8 at byte {position}"),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown unified model ID error."),
    };
}
