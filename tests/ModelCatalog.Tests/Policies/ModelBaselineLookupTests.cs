namespace ModelCatalog.Tests.Policies;

public sealed class ModelBaselineLookupTests
{
    [Fact]
    public void The_UTF8_lookup_returns_the_decoded_text_of_a_recorded_string()
    {
        var baseline = ModelBaseline.Parse("""{"DisplayName":"\u5feb\u901f \"TTS\"","Rank":3,"Gone":null}""");

        Assert.True(baseline.TryGetValue("DisplayName"u8, out var value, out var text));
        Assert.Equal("快速 \"TTS\"", text);
        Assert.Equal(System.Text.Json.JsonValueKind.String, value.ValueKind);
        Assert.True(baseline.TryGetValue("Rank"u8, out value, out text));
        Assert.Equal((3, (string?)null), (value.GetInt32(), text));
        Assert.True(baseline.TryGetValue("Gone"u8, out value));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, value.ValueKind);
        Assert.False(baseline.TryGetValue("Missing"u8, out _, out _));
    }

    [Fact]
    public void A_repeated_field_name_resolves_to_the_last_value_like_the_string_lookup()
    {
        var baseline = ModelBaseline.Parse("""{"Name":"first","Name":"last"}""");

        Assert.True(baseline.TryGetValue("Name"u8, out _, out var text));
        Assert.True(baseline.TryGetValue("Name", out var byString));
        Assert.Equal("last", text);
        Assert.Equal("last", byString.GetString());
    }
}
