using System.Text.Json;

namespace ModelCatalog.Tests.Policies;

/// <summary>The equality and copying helpers of generated mergers: undefined JSON, deep JSON equality and dictionaries.</summary>
public sealed class FieldValuesTests
{
    [Fact]
    public void Undefined_json_equals_only_undefined_json()
    {
        using var one = JsonDocument.Parse("1");

        Assert.True(FieldValues.JsonEquals(default(JsonElement), default(JsonElement)));
        Assert.False(FieldValues.JsonEquals(default(JsonElement), one.RootElement));
        Assert.False(FieldValues.JsonEquals(one.RootElement, default(JsonElement)));
    }

    [Theory]
    [InlineData("1", "1", true)]
    [InlineData("1", "1.0", true)]
    [InlineData("1", "2", false)]
    [InlineData("""{"a":1,"b":[true,null]}""", """{"b":[true,null],"a":1}""", true)]
    [InlineData("""{"a":{"b":{"c":"x"}}}""", """{"a":{"b":{"c":"y"}}}""", false)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("\"a\"", "\"\\u0061\"", true)]
    [InlineData("null", "\"null\"", false)]
    public void Json_values_compare_deeply(string left, string right, bool equal)
    {
        using var l = JsonDocument.Parse(left);
        using var r = JsonDocument.Parse(right);

        Assert.Equal(equal, FieldValues.JsonEquals(l.RootElement, r.RootElement));
        Assert.Equal(equal, FieldValues.JsonEquals(r.RootElement, l.RootElement));
        Assert.Equal(equal, FieldValues.JsonEquals((JsonElement?)l.RootElement, r.RootElement));
    }

    [Fact]
    public void A_null_json_value_equals_only_null()
    {
        using var one = JsonDocument.Parse("1");

        Assert.True(FieldValues.JsonEquals((JsonElement?)null, null));
        Assert.False(FieldValues.JsonEquals((JsonElement?)null, one.RootElement));
        Assert.False(FieldValues.JsonEquals(one.RootElement, (JsonElement?)null));
    }

    [Fact]
    public void A_cloned_json_value_outlives_its_document()
    {
        JsonElement clone;
        using (var document = JsonDocument.Parse("""{"a":[1,2]}"""))
        {
            clone = FieldValues.CloneJson(document.RootElement);
        }

        Assert.Equal("""{"a":[1,2]}""", clone.GetRawText());
        Assert.Equal("""{"a":[1,2]}""", FieldValues.CloneJson((JsonElement?)clone)!.Value.GetRawText());
    }

    [Fact]
    public void Cloning_undefined_or_null_json_gives_it_back()
    {
        Assert.Equal(JsonValueKind.Undefined, FieldValues.CloneJson(default(JsonElement)).ValueKind);
        Assert.Null(FieldValues.CloneJson((JsonElement?)null));
    }

    [Fact]
    public void Dictionaries_are_equal_with_the_same_keys_and_values_in_any_order()
    {
        var left = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };

        Assert.True(FieldValues.DictionaryEquals(left, left));
        Assert.True(FieldValues.DictionaryEquals<string, int>(null, null));
        Assert.True(FieldValues.DictionaryEquals(left, new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 }));
        Assert.False(FieldValues.DictionaryEquals(left, null));
        Assert.False(FieldValues.DictionaryEquals(null, left));
        Assert.False(FieldValues.DictionaryEquals(left, new Dictionary<string, int> { ["a"] = 1 }));
        Assert.False(FieldValues.DictionaryEquals(left, new Dictionary<string, int> { ["a"] = 1, ["b"] = 3 }));
        Assert.False(FieldValues.DictionaryEquals(left, new Dictionary<string, int> { ["a"] = 1, ["c"] = 2 }));
        Assert.False(FieldValues.DictionaryEquals(left, new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 3 }));
    }
}
