using System.ComponentModel;
using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// Converts between <see cref="UnifiedModelId"/> and <see cref="string"/>, so configuration binding
/// (<c>"DefaultModel": "openai/gpt-4o"</c>) and other <see cref="TypeDescriptor"/> users read IDs.
/// </summary>
/// <remarks>
/// The empty string converts to the "no ID" value (<c>default(UnifiedModelId)</c>), which converts back to the empty
/// string: a configuration entry left blank (<c>"DefaultModel": ""</c>) means "not set", as it does for nullable
/// values, and the conversion round-trips. Any other invalid text throws <see cref="FormatException"/>.
/// </remarks>
public sealed class UnifiedModelIdTypeConverter : TypeConverter
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType)
        // Stryker disable once Logical : the base TypeConverter answers true only for string, so both forms agree.
        => destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc/>
    /// <exception cref="FormatException">The string is neither empty nor a unified model ID.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        "" => default(UnifiedModelId),
        string text => UnifiedModelId.Parse(text),
        _ => base.ConvertFrom(context, culture, value),
    };

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is UnifiedModelId id
            ? id.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
