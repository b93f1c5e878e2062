using System.ComponentModel;
using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// Converts between <see cref="UnifiedModelId"/> and <see cref="string"/>, so configuration binding
/// (<c>"DefaultModel": "openai/gpt-4o"</c>) and other <see cref="TypeDescriptor"/> users read IDs.
/// </summary>
public sealed class UnifiedModelIdTypeConverter : TypeConverter
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType)
        => destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc/>
    /// <exception cref="FormatException">The string is not a unified model ID.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string text ? UnifiedModelId.Parse(text) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is UnifiedModelId id
            ? id.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
