using System.ComponentModel;
using System.Globalization;

namespace ModelCatalog.Tests.Ids;

/// <summary>The <see cref="TypeConverter"/> that configuration binding finds through <see cref="TypeDescriptor"/>.</summary>
public sealed class UnifiedModelIdTypeConverterTests
{
    // What ConfigurationBinder does for a value of a type it does not know: find the converter, check it reads
    // strings, and convert the configuration text with the invariant culture.
    private static object? BindLikeConfiguration(Type type, string value)
    {
        var converter = TypeDescriptor.GetConverter(type);
        Assert.True(converter.CanConvertFrom(typeof(string)));
        return converter.ConvertFromInvariantString(value);
    }

    [Fact]
    public void TypeDescriptor_finds_the_converter_of_the_id()
        => Assert.IsType<UnifiedModelIdTypeConverter>(TypeDescriptor.GetConverter(typeof(UnifiedModelId)));

    [Theory]
    [InlineData("openai/gpt-4o")]
    [InlineData("openrouter/meta-llama/llama-3.1-70b-instruct")]
    public void A_configuration_string_binds_to_the_id(string value)
        => Assert.Equal(UnifiedModelId.Parse(value), BindLikeConfiguration(typeof(UnifiedModelId), value));

    [Fact]
    public void A_configuration_string_binds_to_a_nullable_id()
        => Assert.Equal(UnifiedModelId.Parse("openai/gpt-4o"), BindLikeConfiguration(typeof(UnifiedModelId?), "openai/gpt-4o"));

    [Fact]
    public void An_empty_configuration_string_binds_to_the_no_id_value_and_it_converts_back_to_empty()
    {
        var converter = TypeDescriptor.GetConverter(typeof(UnifiedModelId));

        var id = Assert.IsType<UnifiedModelId>(BindLikeConfiguration(typeof(UnifiedModelId), ""));

        Assert.True(id.IsEmpty);
        Assert.Equal("", converter.ConvertToInvariantString(id));
    }

    [Fact]
    public void A_bad_configuration_string_throws_a_FormatException_naming_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => BindLikeConfiguration(typeof(UnifiedModelId), "open-ai/gpt-4o"));

        Assert.Contains("invalid character at position 4", exception.Message, StringComparison.Ordinal);
        Assert.False(TypeDescriptor.GetConverter(typeof(UnifiedModelId)).IsValid("open-ai/gpt-4o"));
        Assert.True(TypeDescriptor.GetConverter(typeof(UnifiedModelId)).IsValid("openai/gpt-4o"));
    }

    [Fact]
    public void An_id_converts_to_its_string()
    {
        var converter = TypeDescriptor.GetConverter(typeof(UnifiedModelId));
        var id = UnifiedModelId.Parse("azure/gpt-4o@2024-08-06");

        Assert.True(converter.CanConvertTo(typeof(string)));
        Assert.Equal("azure/gpt-4o@2024-08-06", converter.ConvertTo(null, CultureInfo.GetCultureInfo("tr-TR"), id, typeof(string)));
        Assert.Equal("azure/gpt-4o@2024-08-06", converter.ConvertToInvariantString(id));
    }

    [Fact]
    public void Other_source_and_destination_types_are_not_supported()
    {
        var converter = TypeDescriptor.GetConverter(typeof(UnifiedModelId));

        Assert.False(converter.CanConvertFrom(typeof(int)));
        Assert.False(converter.CanConvertTo(typeof(int)));
        Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(42));
        Assert.Throws<NotSupportedException>(() => converter.ConvertTo(UnifiedModelId.Parse("a/b"), typeof(int)));
    }
}
