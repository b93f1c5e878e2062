using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ModelCatalog.Tests.Policies;

/// <summary>
/// Recording each kind of value into a baseline and comparing values with what was recorded: a value equals its own
/// record, differs from other values and from records of another JSON kind, and null is recorded as JSON null.
/// </summary>
public sealed class BaselineJsonTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("f");

    [Fact]
    public void Every_writer_needs_a_writer()
    {
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteString(null!, Name, "x"));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteString(null!, Name, null));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteBoolean(null!, Name, null));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteInt64(null!, Name, 1));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteDouble(null!, Name, null));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteJsonElement(null!, Name, null));
        Assert.Throws<ArgumentNullException>("writer", () => BaselineJson.WriteJsonNode(null!, Name, null));
    }

    [Fact]
    public void A_string_equals_its_record_and_nothing_else()
    {
        var recorded = Record(w => BaselineJson.WriteString(w, Name, "gpt-4o"));

        Assert.Equal("""{"f":"gpt-4o"}""", recorded.Json);
        Assert.True(BaselineJson.StringEquals(Value(recorded), "gpt-4o"));
        Assert.False(BaselineJson.StringEquals(Value(recorded), "GPT-4o"));
        Assert.False(BaselineJson.StringEquals(Value(recorded), null));
    }

    [Fact]
    public void A_null_string_equals_only_a_recorded_null()
    {
        var recorded = Record(w => BaselineJson.WriteString(w, Name, null));

        Assert.Equal("""{"f":null}""", recorded.Json);
        Assert.True(BaselineJson.StringEquals(Value(recorded), null));
        Assert.False(BaselineJson.StringEquals(Value(recorded), "null"));
        Assert.False(BaselineJson.StringEquals(Value(ModelBaseline.Parse("""{"f":"x"}""")), null));
    }

    [Fact]
    public void A_string_never_equals_a_record_of_another_kind()
    {
        Assert.False(BaselineJson.StringEquals(Value(ModelBaseline.Parse("""{"f":1}""")), "1"));
        Assert.False(BaselineJson.StringEquals(Value(ModelBaseline.Parse("""{"f":true}""")), "true"));
        Assert.False(BaselineJson.StringEquals(Value(ModelBaseline.Parse("""{"f":["x"]}""")), "x"));
    }

    [Fact]
    public void A_boolean_equals_its_record_and_never_a_record_of_another_kind()
    {
        Assert.Equal("""{"f":true}""", Record(w => BaselineJson.WriteBoolean(w, Name, true)).Json);
        Assert.Equal("""{"f":null}""", Record(w => BaselineJson.WriteBoolean(w, Name, null)).Json);
        Assert.True(BaselineJson.BooleanEquals(Parsed("true"), true));
        Assert.False(BaselineJson.BooleanEquals(Parsed("true"), false));
        Assert.True(BaselineJson.BooleanEquals(Parsed("false"), false));
        Assert.True(BaselineJson.BooleanEquals(Parsed("null"), null));
        Assert.False(BaselineJson.BooleanEquals(Parsed("null"), false));
        Assert.False(BaselineJson.BooleanEquals(Parsed("1"), true));
        Assert.False(BaselineJson.BooleanEquals(Parsed("\"true\""), true));
        Assert.False(BaselineJson.BooleanEquals(Parsed("0"), null));
    }

    [Property(MaxTest = 1_000)]
    public Property A_double_equals_its_own_record_and_no_other_double(double value, double other)
    {
        var recorded = Value(Record(w => BaselineJson.WriteDouble(w, Name, value)));

        return (BaselineJson.DoubleEquals(recorded, value)
            && BaselineJson.DoubleEquals(recorded, other) == value.Equals(other)
            && !BaselineJson.DoubleEquals(recorded, null)).ToProperty();
    }

    [Fact]
    public void Non_finite_doubles_are_recorded_as_their_names()
    {
        Assert.Equal("""{"f":"NaN"}""", Record(w => BaselineJson.WriteDouble(w, Name, double.NaN)).Json);
        Assert.Equal("""{"f":"-Infinity"}""", Record(w => BaselineJson.WriteDouble(w, Name, double.NegativeInfinity)).Json);
        Assert.Equal("""{"f":null}""", Record(w => BaselineJson.WriteDouble(w, Name, null)).Json);
        Assert.True(BaselineJson.DoubleEquals(Parsed("\"Infinity\""), double.PositiveInfinity));
        Assert.True(BaselineJson.DoubleEquals(Parsed("null"), null));
    }

    [Fact]
    public void A_finite_double_never_equals_a_string_or_another_kind()
    {
        Assert.False(BaselineJson.DoubleEquals(Parsed("\"1\""), 1.0));
        Assert.False(BaselineJson.DoubleEquals(Parsed("\"NaN\""), 1.0));
        Assert.False(BaselineJson.DoubleEquals(Parsed("true"), 1.0));
        Assert.False(BaselineJson.DoubleEquals(Parsed("null"), 0.0));
        Assert.False(BaselineJson.DoubleEquals(Parsed("[1]"), 1.0));
        Assert.True(BaselineJson.DoubleEquals(Parsed("1.0"), 1.0));
        Assert.True(BaselineJson.DoubleEquals(Parsed("1"), 1.0));
    }

    [Property(MaxTest = 1_000)]
    public Property An_integer_equals_its_own_record_and_no_other_integer(long value, long other)
    {
        var recorded = Value(Record(w => BaselineJson.WriteInt64(w, Name, value)));

        return (BaselineJson.Int64Equals(recorded, value)
            && BaselineJson.Int64Equals(recorded, other) == (value == other)
            && !BaselineJson.Int64Equals(recorded, null)).ToProperty();
    }

    [Fact]
    public void Decimals_compare_by_value_and_integers_by_kind()
    {
        Assert.True(BaselineJson.DecimalEquals(Parsed("1.00"), 1.0m));
        Assert.False(BaselineJson.DecimalEquals(Parsed("\"1\""), 1m));
        Assert.False(BaselineJson.Int64Equals(Parsed("\"1\""), 1));
        Assert.False(BaselineJson.Int64Equals(Parsed("1.5"), 1));
        Assert.True(BaselineJson.UInt64Equals(Parsed("18446744073709551615"), ulong.MaxValue));
        Assert.False(BaselineJson.UInt64Equals(Parsed("-1"), 0));
    }

    [Fact]
    public void A_json_element_is_recorded_as_is_and_compared_deeply()
    {
        using var document = JsonDocument.Parse("""{"b":[1,{"c":null}],"a":"x"}""");
        var recorded = Record(w => BaselineJson.WriteJsonElement(w, Name, document.RootElement));
        using var reordered = JsonDocument.Parse("""{"a":"x","b":[1,{"c":null}]}""");
        using var other = JsonDocument.Parse("""{"a":"x","b":[1,{"c":0}]}""");

        Assert.Equal("""{"f":{"b":[1,{"c":null}],"a":"x"}}""", recorded.Json);
        Assert.True(BaselineJson.JsonElementEquals(Value(recorded), reordered.RootElement));
        Assert.False(BaselineJson.JsonElementEquals(Value(recorded), other.RootElement));
        Assert.False(BaselineJson.JsonElementEquals(Value(recorded), null));
        Assert.Equal("""{"f":null}""", Record(w => BaselineJson.WriteJsonElement(w, Name, default(JsonElement))).Json);
        Assert.True(BaselineJson.JsonElementEquals(Parsed("null"), default(JsonElement)));
    }

    [Fact]
    public void A_json_node_is_recorded_as_is_and_null_equals_only_a_recorded_null()
    {
        var node = JsonNode.Parse("""{"a":[1,2]}""");
        var recorded = Record(w => BaselineJson.WriteJsonNode(w, Name, node));

        Assert.Equal("""{"f":{"a":[1,2]}}""", recorded.Json);
        Assert.True(BaselineJson.JsonNodeEquals(Value(recorded), JsonNode.Parse("""{ "a": [1, 2] }""")));
        Assert.False(BaselineJson.JsonNodeEquals(Value(recorded), JsonNode.Parse("""{"a":[2,1]}""")));
        Assert.False(BaselineJson.JsonNodeEquals(Value(recorded), null));
        Assert.Equal("""{"f":null}""", Record(w => BaselineJson.WriteJsonNode(w, Name, null)).Json);
        Assert.True(BaselineJson.JsonNodeEquals(Parsed("null"), null));
        Assert.False(BaselineJson.JsonNodeEquals(Parsed("null"), JsonValue.Create(0)));
        Assert.True(BaselineJson.JsonNodeEquals(Parsed("[1]"), JsonNode.Parse("[1]")));
        Assert.True(BaselineJson.JsonNodeEquals(Parsed("\"s\""), JsonValue.Create("s")));
    }

    private static ModelBaseline Record(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return ModelBaseline.FromUtf8(buffer.WrittenSpan);
    }

    private static JsonElement Value(ModelBaseline baseline)
    {
        Assert.True(baseline.TryGetValue("f", out var value));
        return value;
    }

    private static JsonElement Parsed(string json) => Value(ModelBaseline.Parse("{\"f\":" + json + "}"));
}
