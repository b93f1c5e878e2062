using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;

namespace ModelCatalog;

/// <summary>
/// The one name of a model across providers: <c>provider_id/model_name</c>, split at the <b>first</b> <c>/</c>,
/// so the model name may itself contain <c>/</c> (<c>openrouter/meta-llama/llama-3.1-70b-instruct</c>).
/// </summary>
/// <remarks>
/// <para>Grammar: the provider ID is 1–<see cref="MaxProviderIdLength"/> characters of <c>[A-Za-z0-9_]</c>; the model
/// name is 1–<see cref="MaxModelNameLength"/> UTF-16 code units with no control character, no white space and no
/// unpaired surrogate (<c>/</c>, <c>:</c>, <c>@</c>, <c>.</c>, <c>-</c> and any other printable character are allowed).</para>
/// <para>Comparison is ordinal and case-sensitive (<c>OpenAI/x</c> ≠ <c>openai/x</c>); ordering is by provider ID, then
/// model name, both ordinal.</para>
/// <para><c>default(UnifiedModelId)</c> is the "no ID" value: <see cref="IsEmpty"/> is <see langword="true"/>, it formats
/// as the empty string (which no valid ID is), it is never equal to a parsed ID and it sorts first. It serialises
/// to JSON <c>null</c>.</para>
/// <para>Allocation: parsing a <see cref="string"/> keeps that string and allocates nothing; parsing a span allocates
/// the one string the ID keeps; <see cref="ToString()"/> allocates nothing. <see cref="ProviderId"/> is cached per
/// distinct provider; <see cref="ModelName"/> allocates a substring, so hot paths use <see cref="ModelNameSpan"/>.</para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
[JsonConverter(typeof(UnifiedModelIdJsonConverter))]
[TypeConverter(typeof(UnifiedModelIdTypeConverter))]
public readonly struct UnifiedModelId :
    IEquatable<UnifiedModelId>,
    IComparable<UnifiedModelId>,
    IComparable,
    ISpanParsable<UnifiedModelId>,
    IUtf8SpanParsable<UnifiedModelId>,
    ISpanFormattable,
    IUtf8SpanFormattable
{
    /// <summary>The longest provider ID accepted: 64 characters.</summary>
    public const int MaxProviderIdLength = 64;

    /// <summary>
    /// The longest model name accepted, in UTF-16 code units: 256. Real catalogs (LiteLLM, OpenRouter, models.dev)
    /// have names of up to about 100 characters; 256 leaves headroom for deployment paths and suffixes while keeping
    /// the database column and log lines bounded.
    /// </summary>
    public const int MaxModelNameLength = 256;

    /// <summary>The longest text a valid ID can have: provider, separator and model name.</summary>
    public const int MaxLength = MaxProviderIdLength + 1 + MaxModelNameLength;

    private readonly string? _value;
    private readonly int _separator;

    private UnifiedModelId(string value, int separator)
    {
        _value = value;
        _separator = separator;
    }

    /// <summary>The "no ID" value, equal to <c>default(UnifiedModelId)</c>.</summary>
    public static UnifiedModelId Empty => default;

    /// <summary><see langword="true"/> for <c>default(UnifiedModelId)</c>, the "no ID" value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>The provider ID, the part before the first <c>/</c>; empty for the "no ID" value.</summary>
    // Stryker disable once Conditional : for the no-ID value the span is empty and the cache returns the empty string as well.
    public string ProviderId => _value is null ? string.Empty : ProviderIdCache.Shared.Get(ProviderIdSpan);

    /// <summary>The model name, the part after the first <c>/</c>; empty for the "no ID" value. Allocates.</summary>
    public string ModelName => _value is null ? string.Empty : _value[(_separator + 1)..];

    /// <summary>The provider ID without allocation.</summary>
    // Stryker disable once Conditional : a null string sliced at (0, 0) is the empty span as well.
    public ReadOnlySpan<char> ProviderIdSpan => _value is null ? default : _value.AsSpan(0, _separator);

    /// <summary>The model name without allocation.</summary>
    public ReadOnlySpan<char> ModelNameSpan => _value is null ? default : _value.AsSpan(_separator + 1);

    /// <summary>The formatted length: the number of characters <see cref="ToString()"/> returns.</summary>
    public int Length => _value?.Length ?? 0;

    // Stryker disable once all : only the debugger reads it.
    private string DebuggerDisplay => _value ?? "(no ID)";

    /// <summary>Creates an ID from its two parts.</summary>
    /// <param name="providerId">The provider ID: 1–64 characters of <c>[A-Za-z0-9_]</c>.</param>
    /// <param name="modelName">The model name, which may contain <c>/</c>.</param>
    /// <returns>The ID <c>providerId/modelName</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A part breaks the grammar; the message says why and where.</exception>
    public static UnifiedModelId Create(string providerId, string modelName)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ArgumentNullException.ThrowIfNull(modelName);
        var error = UnifiedModelIdParser.ValidateProviderId(providerId, out int position);
        if (error != UnifiedModelIdError.None)
        {
            throw new ArgumentException($"Invalid provider ID '{providerId}': {error.Describe(position)}.", nameof(providerId));
        }

        error = UnifiedModelIdParser.ValidateModelName(modelName, out position);
        if (error != UnifiedModelIdError.None)
        {
            if (error == UnifiedModelIdError.EmptyModelName)
            {
                throw new ArgumentException("Invalid model name: it is empty.", nameof(modelName));
            }

            throw new ArgumentException($"Invalid model name '{modelName}': {error.Describe(position)}.", nameof(modelName));
        }

        return new UnifiedModelId(string.Concat(providerId, "/", modelName), providerId.Length);
    }

    /// <summary>Creates an ID from its two parts, or says why it cannot.</summary>
    /// <param name="providerId">The provider ID.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <returns><see langword="true"/> when both parts are valid.</returns>
    public static bool TryCreate(ReadOnlySpan<char> providerId, ReadOnlySpan<char> modelName, out UnifiedModelId result)
    {
        if (UnifiedModelIdParser.ValidateProviderId(providerId, out _) != UnifiedModelIdError.None
            || UnifiedModelIdParser.ValidateModelName(modelName, out _) != UnifiedModelIdError.None)
        {
            result = default;
            return false;
        }

        result = new UnifiedModelId(string.Concat(providerId, "/", modelName), providerId.Length);
        return true;
    }

    /// <summary>Checks a provider ID on its own and says why it is invalid.</summary>
    /// <param name="providerId">The candidate provider ID.</param>
    /// <param name="error">
    /// <see cref="UnifiedModelIdError.None"/>, <see cref="UnifiedModelIdError.EmptyProvider"/>,
    /// <see cref="UnifiedModelIdError.InvalidProviderCharacter"/> or <see cref="UnifiedModelIdError.ProviderTooLong"/>.
    /// </param>
    /// <param name="position">The index of the offending character.</param>
    /// <returns><see langword="true"/> when <paramref name="providerId"/> is a valid provider ID.</returns>
    public static bool IsValidProviderId(ReadOnlySpan<char> providerId, out UnifiedModelIdError error, out int position)
    {
        error = UnifiedModelIdParser.ValidateProviderId(providerId, out position);
        return error == UnifiedModelIdError.None;
    }

    /// <summary>Checks a provider ID on its own.</summary>
    /// <param name="providerId">The candidate provider ID.</param>
    /// <returns><see langword="true"/> when <paramref name="providerId"/> is a valid provider ID.</returns>
    public static bool IsValidProviderId(ReadOnlySpan<char> providerId) => IsValidProviderId(providerId, out _, out _);

    /// <summary>Checks a model name on its own and says why it is invalid.</summary>
    /// <param name="modelName">The candidate model name.</param>
    /// <param name="error">The reason, or <see cref="UnifiedModelIdError.None"/>.</param>
    /// <param name="position">The index of the offending character.</param>
    /// <returns><see langword="true"/> when <paramref name="modelName"/> is a valid model name.</returns>
    public static bool IsValidModelName(ReadOnlySpan<char> modelName, out UnifiedModelIdError error, out int position)
    {
        error = UnifiedModelIdParser.ValidateModelName(modelName, out position);
        return error == UnifiedModelIdError.None;
    }

    /// <summary>Parses a unified model ID, keeping <paramref name="s"/> itself (no allocation).</summary>
    /// <param name="s">The text, for example <c>openai/gpt-4o</c>.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a unified model ID; the message names the reason and position.</exception>
    public static UnifiedModelId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result, out var error, out int position) ? result : throw ParseFailure(s, error, position);
    }

    /// <summary>Parses a unified model ID from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="FormatException">The text is not a unified model ID; the message names the reason and position.</exception>
    public static UnifiedModelId Parse(ReadOnlySpan<char> s)
        => TryParse(s, out var result, out var error, out int position) ? result : throw ParseFailure(s, error, position);

    /// <summary>Parses a unified model ID from UTF-8 bytes.</summary>
    /// <param name="utf8Text">The UTF-8 bytes.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="FormatException">The bytes are not a unified model ID; the message names the reason and byte position.</exception>
    public static UnifiedModelId Parse(ReadOnlySpan<byte> utf8Text)
        => TryParse(utf8Text, out var result, out var error, out int position)
            ? result
            : throw new FormatException($"Invalid unified model ID: {error.Describe(position)}.");

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the grammar does not depend on culture.</param>
    static UnifiedModelId IParsable<UnifiedModelId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: the grammar does not depend on culture.</param>
    static UnifiedModelId ISpanParsable<UnifiedModelId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Text">The UTF-8 bytes.</param>
    /// <param name="provider">Ignored: the grammar does not depend on culture.</param>
    static UnifiedModelId IUtf8SpanParsable<UnifiedModelId>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    /// <summary>Tries to parse a unified model ID, keeping <paramref name="s"/> itself (no allocation). Never throws.</summary>
    /// <param name="s">The text; <see langword="null"/> fails as <see cref="UnifiedModelIdError.Empty"/>.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out UnifiedModelId result)
    {
        // The hot path of a gateway: validate and keep the string, nothing else.
        if (UnifiedModelIdParser.Validate(s.AsSpan(), out int separator, out _) == UnifiedModelIdError.None)
        {
            result = new UnifiedModelId(s!, separator);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Tries to parse a unified model ID and says why it failed. Never throws; allocates nothing.</summary>
    /// <param name="s">The text; <see langword="null"/> fails as <see cref="UnifiedModelIdError.Empty"/>.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <param name="error">Why it failed, or <see cref="UnifiedModelIdError.None"/>.</param>
    /// <param name="position">The index of the offending character (UTF-16 code units).</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out UnifiedModelId result, out UnifiedModelIdError error, out int position)
    {
        error = UnifiedModelIdParser.Validate(s.AsSpan(), out int separator, out position);
        result = error == UnifiedModelIdError.None ? new UnifiedModelId(s!, separator) : default;
        return error == UnifiedModelIdError.None;
    }

    /// <summary>Tries to parse a unified model ID from characters. Never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out UnifiedModelId result) => TryParse(s, out result, out _, out _);

    /// <summary>Tries to parse a unified model ID from characters and says why it failed. Never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <param name="error">Why it failed, or <see cref="UnifiedModelIdError.None"/>.</param>
    /// <param name="position">The index of the offending character (UTF-16 code units).</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out UnifiedModelId result, out UnifiedModelIdError error, out int position)
    {
        error = UnifiedModelIdParser.Validate(s, out int separator, out position);
        result = error == UnifiedModelIdError.None ? new UnifiedModelId(s.ToString(), separator) : default;
        return error == UnifiedModelIdError.None;
    }

    /// <summary>Tries to parse a unified model ID from UTF-8 bytes. Never throws.</summary>
    /// <param name="utf8Text">The UTF-8 bytes.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out UnifiedModelId result) => TryParse(utf8Text, out result, out _, out _);

    /// <summary>Tries to parse a unified model ID from UTF-8 bytes and says why it failed. Never throws.</summary>
    /// <param name="utf8Text">The UTF-8 bytes.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    /// <param name="error">Why it failed, or <see cref="UnifiedModelIdError.None"/>.</param>
    /// <param name="position">The index of the offending byte.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out UnifiedModelId result, out UnifiedModelIdError error, out int position)
    {
        error = UnifiedModelIdParser.Validate(utf8Text, out int separator, out position);
        // The provider ID is ASCII, so the separator's byte index is also its UTF-16 index.
        result = error == UnifiedModelIdError.None ? new UnifiedModelId(Encoding.UTF8.GetString(utf8Text), separator) : default;
        return error == UnifiedModelIdError.None;
    }

    /// <inheritdoc cref="TryParse(string, out UnifiedModelId)"/>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    static bool IParsable<UnifiedModelId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UnifiedModelId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out UnifiedModelId)"/>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    static bool ISpanParsable<UnifiedModelId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UnifiedModelId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, out UnifiedModelId)"/>
    /// <param name="utf8Text">The UTF-8 bytes.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The ID, or <c>default</c> on failure.</param>
    static bool IUtf8SpanParsable<UnifiedModelId>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out UnifiedModelId result) => TryParse(utf8Text, out result);

    /// <summary>Returns <c>provider_id/model_name</c>, or the empty string for the "no ID" value. Allocates nothing.</summary>
    /// <returns>The ID's text.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <inheritdoc cref="ToString()"/>
    /// <param name="format">Must be <see langword="null"/>, empty or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format);
        return ToString();
    }

    /// <summary>Writes <c>provider_id/model_name</c> to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        var text = _value.AsSpan();
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <inheritdoc cref="TryFormat(Span{char}, out int)"/>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Must be empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return TryFormat(destination, out charsWritten);
    }

    /// <summary>Writes <c>provider_id/model_name</c> as UTF-8 to <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too small.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        if (Encoding.UTF8.TryGetBytes(_value.AsSpan(), utf8Destination, out bytesWritten))
        {
            return true;
        }

        bytesWritten = 0;
        return false;
    }

    /// <inheritdoc cref="TryFormat(Span{byte}, out int)"/>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Must be empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return TryFormat(utf8Destination, out bytesWritten);
    }

    /// <summary>Ordinal, case-sensitive equality.</summary>
    /// <param name="other">The other ID.</param>
    /// <returns><see langword="true"/> when both IDs have the same text.</returns>
    public bool Equals(UnifiedModelId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is UnifiedModelId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : string.GetHashCode(_value.AsSpan(), StringComparison.Ordinal);

    /// <summary>Orders by provider ID, then model name, both ordinal; the "no ID" value sorts first.</summary>
    /// <param name="other">The other ID.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(UnifiedModelId other)
    {
        // Stryker disable once Logical : with one side null its empty provider span orders before any other the same way; only the magnitude, which is not part of the contract, differs.
        if (_value is null || other._value is null)
        {
            return (_value is null ? 0 : 1) - (other._value is null ? 0 : 1);
        }

        int byProvider = ProviderIdSpan.SequenceCompareTo(other.ProviderIdSpan);
        return byProvider != 0 ? byProvider : ModelNameSpan.SequenceCompareTo(other.ModelNameSpan);
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UnifiedModelId other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(UnifiedModelId)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(UnifiedModelId left, UnifiedModelId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(UnifiedModelId left, UnifiedModelId right) => !left.Equals(right);

    /// <summary>Less than, by <see cref="CompareTo(UnifiedModelId)"/>.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(UnifiedModelId left, UnifiedModelId right) => left.CompareTo(right) < 0;

    /// <summary>Less than or equal, by <see cref="CompareTo(UnifiedModelId)"/>.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(UnifiedModelId left, UnifiedModelId right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than, by <see cref="CompareTo(UnifiedModelId)"/>.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(UnifiedModelId left, UnifiedModelId right) => left.CompareTo(right) > 0;

    /// <summary>Greater than or equal, by <see cref="CompareTo(UnifiedModelId)"/>.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(UnifiedModelId left, UnifiedModelId right) => left.CompareTo(right) >= 0;

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"Unknown format '{format}' for {nameof(UnifiedModelId)}: use \"G\" or none.");
        }
    }

    private static FormatException ParseFailure(ReadOnlySpan<char> s, UnifiedModelIdError error, int position)
        => new($"Invalid unified model ID '{UnifiedModelIdParser.Quote(s)}': {error.Describe(position)}.");
}
