using System.Text;
using System.Text.Json;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Ids;

/// <summary>
/// The converter called directly: token kinds, property names, escaped and split values on both sides of the stack
/// buffer, and the exact messages of its failures.
/// </summary>
public sealed class UnifiedModelIdJsonConverterTests
{
    private static readonly UnifiedModelIdJsonConverter Converter = new();

    [Fact]
    public void A_json_null_reads_as_the_no_id_value_also_with_fresh_options()
    {
        // Fresh options build fresh converter metadata, so this observes the converter's own null handling.
        var options = new JsonSerializerOptions();

        Assert.True(JsonSerializer.Deserialize<UnifiedModelId>("null", options).IsEmpty);
        Assert.True(JsonSerializer.Deserialize<UnifiedModelId[]>("[null]", options)![0].IsEmpty);
        Assert.Equal("[null]", JsonSerializer.Serialize(new[] { default(UnifiedModelId) }, options));
        Assert.True(Read("null").IsEmpty);
    }

    [Theory]
    [InlineData("42", "Number")]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("{}", "StartObject")]
    [InlineData("[]", "StartArray")]
    public void A_non_string_token_fails_with_a_message_naming_the_token(string json, string token)
    {
        var exception = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal($"A unified model ID must be a JSON string, not {token}.", exception.Message);
    }

    [Fact]
    public void Writing_needs_a_writer()
    {
        Assert.Throws<ArgumentNullException>("writer", () => Converter.Write(null!, default, JsonSerializerOptions.Default));
        Assert.Throws<ArgumentNullException>("writer", () => Converter.WriteAsPropertyName(null!, default, JsonSerializerOptions.Default));
    }

    [Fact]
    public void The_no_id_value_cannot_be_a_property_name()
    {
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();

        var exception = Assert.Throws<JsonException>(() => Converter.WriteAsPropertyName(writer, default, JsonSerializerOptions.Default));

        Assert.Equal("The \"no ID\" value (default UnifiedModelId) cannot be a JSON property name.", exception.Message);
    }

    [Fact]
    public void A_property_name_is_written_and_read_back()
    {
        string json = JsonSerializer.Serialize(new Dictionary<UnifiedModelId, int> { [UnifiedModelId.Parse("openai/gpt-4o")] = 1 });

        Assert.Equal("""{"openai/gpt-4o":1}""", json);
        var key = Assert.Single(JsonSerializer.Deserialize<Dictionary<UnifiedModelId, int>>(json)!).Key;
        Assert.Equal(UnifiedModelId.Parse("openai/gpt-4o"), key);
    }

    [Fact]
    public void A_bad_property_name_fails_with_the_reason_and_position()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<UnifiedModelId, int>>("""{"open-ai/x":1}"""));

        Assert.StartsWith(
            "Invalid unified model ID 'open-ai/x': the provider ID has an invalid character at position 4 (allowed: A-Z, a-z, 0-9 and '_').",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_bad_value_is_quoted_decoded()
    {
        var exception = Assert.Throws<JsonException>(() => Read("\"open\\u002Dai/x\""));

        Assert.Equal(
            "Invalid unified model ID 'open-ai/x': the provider ID has an invalid character at position 4 (allowed: A-Z, a-z, 0-9 and '_').",
            exception.Message);
    }

    [Fact]
    public void An_escaped_good_value_reads_decoded()
        => Assert.Equal(UnifiedModelId.Parse("openai/gpt-4o"), Read("\"openai\\/gpt\\u002D4o\""));

    [Fact]
    public void An_unpaired_surrogate_escape_fails_with_its_own_message()
    {
        var exception = Assert.Throws<JsonException>(() => Read("\"openai/\\ud800\""));

        Assert.Equal(
            "Invalid unified model ID: the JSON string escapes an unpaired surrogate, which no unified model ID may contain.",
            exception.Message);
    }

    [Fact]
    public void Invalid_utf8_fails_with_the_byte_offset_in_the_json_string()
    {
        byte[] json = [.. "\"openai/a"u8, 0xFF, .. "\""u8];

        var exception = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("Invalid unified model ID: the input is not valid UTF-8 at byte 8 of the JSON string.", exception.Message);
    }

    [Fact]
    public void A_bad_non_ascii_value_reports_its_position_in_characters()
    {
        var exception = Assert.Throws<JsonException>(() => Read(Encoding.UTF8.GetBytes("\"openai/éé x\"")));

        Assert.Equal(
            "Invalid unified model ID 'openai/éé x': the model name has a control, white-space or unpaired surrogate character at position 9.",
            exception.Message);
    }

    /// <summary>Model name lengths that make the JSON value shorter than, exactly, and longer than the 1024-byte stack buffer.</summary>
    [Theory]
    [InlineData(300, 16)]
    [InlineData(1017, 64)]
    [InlineData(1018, 64)]
    [InlineData(1100, 64)]
    [InlineData(5000, 1000)]
    public void A_split_value_too_long_to_be_valid_fails_with_a_short_message_on_either_side_of_the_stack_buffer(int nameLength, int segmentLength)
    {
        // "openai/" is 7 bytes: a name of 1017 fills the 1024-byte buffer exactly, 1018 needs a rented one.
        byte[] json = Encoding.UTF8.GetBytes("\"openai/" + new string('a', nameLength) + "\"");

        var exception = Assert.Throws<JsonException>(() => ReadSplit(json, segmentLength));

        Assert.Equal(
            $"Invalid unified model ID 'openai/{new string('a', 113)}…': the model name is longer than 256 characters (position 263).",
            exception.Message);
    }

    [Fact]
    public void A_split_valid_value_of_the_longest_length_reads_back()
    {
        string text = "p/" + new string('b', UnifiedModelId.MaxModelNameLength);

        var id = ReadSplit(Encoding.UTF8.GetBytes("\"" + text + "\""), 7);

        Assert.Equal(text, id.ToString());
    }

    private static UnifiedModelId Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static UnifiedModelId Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        return Converter.Read(ref reader, typeof(UnifiedModelId), JsonSerializerOptions.Default);
    }

    private static UnifiedModelId ReadSplit(byte[] json, int segmentLength)
    {
        var reader = new Utf8JsonReader(JsonSegments.Split(json, segmentLength));
        Assert.True(reader.Read());
        Assert.True(reader.HasValueSequence);
        return Converter.Read(ref reader, typeof(UnifiedModelId), JsonSerializerOptions.Default);
    }
}
