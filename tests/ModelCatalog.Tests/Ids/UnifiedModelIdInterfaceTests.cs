using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ModelCatalog.Tests.Ids;

/// <summary>The BCL parsing and formatting interfaces, used the way generic code uses them.</summary>
public sealed class UnifiedModelIdInterfaceTests
{
    private const string Text = "openrouter/meta-llama/llama-3.1-70b-instruct";

    private static T ParseAs<T>(string s) where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    private static T ParseSpanAs<T>(ReadOnlySpan<char> s) where T : ISpanParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    private static T ParseUtf8As<T>(ReadOnlySpan<byte> s) where T : IUtf8SpanParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    private static bool TryParseAs<T>(string? s, out T result) where T : IParsable<T> => T.TryParse(s, null, out result!);

    private static bool TryParseSpanAs<T>(ReadOnlySpan<char> s, out T result) where T : ISpanParsable<T> => T.TryParse(s, null, out result!);

    private static bool TryParseUtf8As<T>(ReadOnlySpan<byte> s, out T result) where T : IUtf8SpanParsable<T> => T.TryParse(s, null, out result!);

    [Fact]
    public void The_parsable_interfaces_parse_like_the_static_methods()
    {
        var expected = UnifiedModelId.Parse(Text);

        Assert.Equal(expected, ParseAs<UnifiedModelId>(Text));
        Assert.Equal(expected, ParseSpanAs<UnifiedModelId>(Text));
        Assert.Equal(expected, ParseUtf8As<UnifiedModelId>(Encoding.UTF8.GetBytes(Text)));
        Assert.True(TryParseAs<UnifiedModelId>(Text, out var a) && a == expected);
        Assert.True(TryParseSpanAs<UnifiedModelId>(Text, out var b) && b == expected);
        Assert.True(TryParseUtf8As<UnifiedModelId>(Encoding.UTF8.GetBytes(Text), out var c) && c == expected);
        Assert.False(TryParseAs<UnifiedModelId>(null, out _));
        Assert.False(TryParseSpanAs<UnifiedModelId>("x", out _));
        Assert.False(TryParseUtf8As<UnifiedModelId>("x"u8, out _));
        Assert.Throws<FormatException>(() => ParseAs<UnifiedModelId>("open-ai/x"));
        Assert.Throws<FormatException>(() => ParseUtf8As<UnifiedModelId>("open-ai/x"u8));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("G")]
    public void The_formattable_interfaces_write_the_id_for_the_general_format(string? format)
    {
        IFormattable formattable = UnifiedModelId.Parse(Text);
        ISpanFormattable spanFormattable = UnifiedModelId.Parse(Text);
        IUtf8SpanFormattable utf8Formattable = UnifiedModelId.Parse(Text);
        var chars = new char[100];
        var bytes = new byte[100];

        Assert.Equal(Text, formattable.ToString(format, CultureInfo.InvariantCulture));
        Assert.True(spanFormattable.TryFormat(chars, out int charsWritten, format, null));
        Assert.True(utf8Formattable.TryFormat(bytes, out int bytesWritten, format, null));
        Assert.Equal(Text, new string(chars, 0, charsWritten));
        Assert.Equal(Text, Encoding.UTF8.GetString(bytes, 0, bytesWritten));
    }

    [Fact]
    public void An_unknown_format_throws_FormatException()
    {
        IFormattable formattable = UnifiedModelId.Parse(Text);
        ISpanFormattable spanFormattable = UnifiedModelId.Parse(Text);
        IUtf8SpanFormattable utf8Formattable = UnifiedModelId.Parse(Text);

        Assert.Throws<FormatException>(() => formattable.ToString("X", null));
        Assert.Throws<FormatException>(() => spanFormattable.TryFormat(new char[100], out _, "X", null));
        Assert.Throws<FormatException>(() => utf8Formattable.TryFormat(new byte[100], out _, "X", null));
    }

    [Fact]
    public void Interpolation_and_utf8_interpolation_write_the_id()
    {
        var id = UnifiedModelId.Parse(Text);
        var bytes = new byte[200];

        Assert.Equal($"model={Text}", $"model={id}");
        Assert.True(Utf8.TryWrite(bytes, $"model={id}", out int written));
        Assert.Equal($"model={Text}", Encoding.UTF8.GetString(bytes, 0, written));
    }

    [Fact]
    public void Ids_work_as_dictionary_keys_and_in_sorted_sets()
    {
        var prices = new Dictionary<UnifiedModelId, decimal>
        {
            [UnifiedModelId.Parse("openai/gpt-4o")] = 2.5m,
            [UnifiedModelId.Parse("OpenAI/gpt-4o")] = 3m,
        };
        var sorted = new SortedSet<UnifiedModelId>(prices.Keys);

        Assert.Equal(2.5m, prices[UnifiedModelId.Parse("openai/gpt-4o".AsSpan())]);
        Assert.Equal(3m, prices[UnifiedModelId.Parse("OpenAI/gpt-4o"u8)]);
        Assert.Equal(["OpenAI/gpt-4o", "openai/gpt-4o"], sorted.Select(id => id.ToString()));
    }
}
