using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Ids;

/// <summary>System.Text.Json: plain string values, dictionary keys, null, escapes, split buffers and clear failures.</summary>
public sealed class UnifiedModelIdJsonTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Route(UnifiedModelId Model, UnifiedModelId? Fallback);

    [Fact]
    public void An_id_serialises_as_its_plain_json_string()
    {
        var id = UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct");

        Assert.Equal("\"openrouter/meta-llama/llama-3.1-70b-instruct\"", JsonSerializer.Serialize(id));
        Assert.Equal("""{"Model":"openai/gpt-4o","Fallback":null}""", JsonSerializer.Serialize(new Route(UnifiedModelId.Parse("openai/gpt-4o"), null)));
    }

    [Property(MaxTest = 3_000)]
    public Property Json_round_trip_of_any_valid_id_gives_back_the_id_with_default_and_relaxed_escaping()
        => Prop.ForAll(Arb.From(IdGenerators.ValidId), id =>
        {
            string json = JsonSerializer.Serialize(id);
            string relaxed = JsonSerializer.Serialize(id, Relaxed);

            Assert.Equal(JsonSerializer.Serialize(id.ToString()), json);
            Assert.Equal(id, JsonSerializer.Deserialize<UnifiedModelId>(json));
            Assert.Equal(id, JsonSerializer.Deserialize<UnifiedModelId>(relaxed));
            Assert.Equal(id, JsonSerializer.Deserialize<UnifiedModelId>(Encoding.UTF8.GetBytes(relaxed)));
        });

    [Property(MaxTest = 2_000)]
    public Property Json_round_trip_of_a_dictionary_keyed_by_ids_gives_back_the_dictionary()
        => Prop.ForAll(Arb.From(Gen.ListOf(IdGenerators.ValidId)), ids =>
        {
            var dictionary = ids.Distinct().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);

            string json = JsonSerializer.Serialize(dictionary);
            var back = JsonSerializer.Deserialize<Dictionary<UnifiedModelId, int>>(json);

            Assert.Equal(dictionary, back);
        });

    [Fact]
    public void A_dictionary_key_is_written_as_the_plain_id()
    {
        var prices = new Dictionary<UnifiedModelId, decimal> { [UnifiedModelId.Parse("openai/gpt-4o")] = 2.5m };

        Assert.Equal("""{"openai/gpt-4o":2.5}""", JsonSerializer.Serialize(prices));
        Assert.Equal(prices, JsonSerializer.Deserialize<Dictionary<UnifiedModelId, decimal>>("""{"openai/gpt-4o":2.5}"""));
    }

    [Fact]
    public void The_no_id_value_round_trips_through_json_null()
    {
        Assert.Equal("null", JsonSerializer.Serialize(default(UnifiedModelId)));
        Assert.True(JsonSerializer.Deserialize<UnifiedModelId>("null").IsEmpty);
        Assert.Null(JsonSerializer.Deserialize<UnifiedModelId?>("null"));
        Assert.Equal(new Route(default, null), JsonSerializer.Deserialize<Route>("""{"Model":null,"Fallback":null}"""));
        Assert.Equal("""{"Model":null,"Fallback":null}""", JsonSerializer.Serialize(new Route(default, null)));
    }

    [Fact]
    public void The_no_id_value_cannot_be_a_dictionary_key()
    {
        var dictionary = new Dictionary<UnifiedModelId, int> { [default] = 1 };

        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(dictionary));
    }

    [Theory]
    [InlineData("\"open-ai/x\"", "the provider ID has an invalid character at position 4")]
    [InlineData("\"gpt-4o\"", "no '/' between provider ID and model name")]
    [InlineData("\"\"", "the unified model ID is empty")]
    [InlineData("\"openai/\"", "the model name after the first '/' is empty")]
    [InlineData("\"openai/gpt 4o\"", "at position 10")]
    [InlineData("\"openai/\\u00e9 x\"", "at position 8")]
    [InlineData("\"op\\u00e9nai/x\"", "the provider ID has an invalid character at position 2")]
    [InlineData("\"openai/a\\u0000\"", "the model name has a control, white-space or unpaired surrogate character at position 8")]
    public void A_bad_value_fails_with_a_JsonException_naming_the_reason(string json, string reason)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_unescaped_non_ascii_value_reports_the_position_in_characters_of_the_decoded_text()
    {
        byte[] json = Encoding.UTF8.GetBytes("\"openai/ééé x\"");

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

        Assert.Contains("at position 10", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"openai/\\ud800\"")]
    [InlineData("\"openai/a\\udc00b\"")]
    public void An_escaped_lone_surrogate_fails_with_a_JsonException(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

        Assert.Contains("Invalid unified model ID", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_json_string_fails_with_a_JsonException_naming_the_byte()
    {
        byte[] json = [.. "\"openai/a"u8, 0xFF, .. "\""u8];

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

        Assert.Contains("Invalid unified model ID", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[\"openai/gpt-4o\"]")]
    public void A_non_string_token_fails_with_a_JsonException(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

    [Theory]
    [InlineData("\"openai\\/gpt-4o\"", "openai/gpt-4o")]
    [InlineData("\"\\u006fpenai/gpt-4o\"", "openai/gpt-4o")]
    [InlineData("\"local/mod\\u00e8le\"", "local/modèle")]
    [InlineData("\"local/\\ud83d\\ude00\"", "local/😀")]
    public void An_escaped_json_string_is_unescaped_before_parsing(string json, string expected)
    {
        Assert.Equal(UnifiedModelId.Parse(expected), JsonSerializer.Deserialize<UnifiedModelId>(json));
        Assert.Equal(
            UnifiedModelId.Parse(expected),
            Assert.Single(JsonSerializer.Deserialize<Dictionary<UnifiedModelId, int>>("{" + json + ":1}")!).Key);
    }

    [Theory]
    [InlineData("\"openrouter/meta-llama/llama-3.1-70b-instruct\"", 3)]
    [InlineData("\"openrouter/meta-llama/llama-3.1-70b-instruct\"", 1)]
    [InlineData("\"local/mod\\u00e8le\"", 7)]
    [InlineData("\"local/modèle\"", 11)]
    public void A_value_split_across_buffer_segments_is_read_from_the_value_sequence(string json, int segmentLength)
    {
        var sequence = JsonSegments.Split(Encoding.UTF8.GetBytes(json), segmentLength);
        var reader = new Utf8JsonReader(sequence);
        Assert.True(reader.Read());
        Assert.True(reader.HasValueSequence);

        var id = new UnifiedModelIdJsonConverter().Read(ref reader, typeof(UnifiedModelId), JsonSerializerOptions.Default);

        Assert.Equal(UnifiedModelId.Parse(JsonSerializer.Deserialize<string>(json)!), id);
    }

    [Fact]
    public void A_dictionary_key_split_across_buffer_segments_is_read_from_the_value_sequence()
    {
        var sequence = JsonSegments.Split("""{"openrouter/meta-llama/llama-3.1-70b-instruct":1}"""u8.ToArray(), 4);
        var reader = new Utf8JsonReader(sequence);

        var dictionary = JsonSerializer.Deserialize<Dictionary<UnifiedModelId, int>>(ref reader);

        Assert.Equal(UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct"), Assert.Single(dictionary!).Key);
    }

    [Fact]
    public void A_bad_value_split_across_buffer_segments_fails_with_a_JsonException_naming_the_reason()
    {
        var sequence = JsonSegments.Split("\"open-ai/gpt-4o\""u8.ToArray(), 3);

        var exception = Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(sequence);
            return JsonSerializer.Deserialize<UnifiedModelId>(ref reader);
        });

        Assert.Contains("the provider ID has an invalid character at position 4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_megabyte_json_value_fails_with_a_short_JsonException()
    {
        string json = "\"openai/" + new string('a', 1 << 20) + "\"";

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnifiedModelId>(json));

        Assert.Contains("the model name is longer than 256 characters", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 1_000);
    }
}
