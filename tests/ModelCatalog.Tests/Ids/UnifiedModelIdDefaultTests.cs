using System.Text.Json;

namespace ModelCatalog.Tests.Ids;

/// <summary><c>default(UnifiedModelId)</c>: the documented, detectable "no ID" value.</summary>
public sealed class UnifiedModelIdDefaultTests
{
    [Fact]
    public void The_default_id_is_empty_and_formats_as_the_empty_string()
    {
        var id = default(UnifiedModelId);

        Assert.True(id.IsEmpty);
        Assert.Equal("", id.ToString());
        Assert.Equal("", id.ProviderId);
        Assert.Equal("", id.ModelName);
        Assert.True(id.ProviderIdSpan.IsEmpty);
        Assert.True(id.ModelNameSpan.IsEmpty);
        Assert.Equal(0, id.Length);
        Assert.Equal(UnifiedModelId.Empty, id);
    }

    [Fact]
    public void The_default_id_formats_to_zero_characters_and_zero_bytes()
    {
        Assert.True(default(UnifiedModelId).TryFormat(Span<char>.Empty, out int chars));
        Assert.True(default(UnifiedModelId).TryFormat(Span<byte>.Empty, out int bytes));
        Assert.Equal((0, 0), (chars, bytes));
        Assert.Equal("", $"{default(UnifiedModelId)}");
    }

    [Fact]
    public void A_parsed_id_is_never_empty_and_never_equal_to_the_default_id()
    {
        var parsed = UnifiedModelId.Parse("openai/gpt-4o");

        Assert.False(parsed.IsEmpty);
        Assert.NotEqual(default, parsed);
        Assert.True(parsed != default);
        Assert.False(default(UnifiedModelId).Equals((object)parsed));
    }

    [Fact]
    public void Nothing_parses_to_the_default_id()
    {
        Assert.False(UnifiedModelId.TryParse("", out _));
        Assert.False(UnifiedModelId.TryParse(ReadOnlySpan<byte>.Empty, out _));
        Assert.Throws<FormatException>(() => UnifiedModelId.Parse(default(UnifiedModelId).ToString()));
    }

    [Fact]
    public void The_default_id_sorts_before_every_parsed_id()
    {
        var smallest = UnifiedModelId.Parse("0/!");

        Assert.True(default(UnifiedModelId) < smallest);
        Assert.True(smallest > default(UnifiedModelId));
        Assert.Equal(0, default(UnifiedModelId).CompareTo(default));
        Assert.Equal(default(UnifiedModelId), new[] { smallest, default, UnifiedModelId.Parse("a/b") }.Min());
    }

    [Fact]
    public void CompareTo_object_puts_null_first_and_rejects_other_types()
    {
        var id = UnifiedModelId.Parse("openai/gpt-4o");

        Assert.True(id.CompareTo(null) > 0);
        Assert.Equal(0, id.CompareTo((object)UnifiedModelId.Parse("openai/gpt-4o")));
        Assert.Throws<ArgumentException>("obj", () => id.CompareTo("openai/gpt-4o"));
    }

    [Fact]
    public void The_default_id_is_json_null_and_json_null_is_the_default_id()
    {
        Assert.Equal("null", JsonSerializer.Serialize(default(UnifiedModelId)));
        Assert.True(JsonSerializer.Deserialize<UnifiedModelId>("null").IsEmpty);
    }
}
