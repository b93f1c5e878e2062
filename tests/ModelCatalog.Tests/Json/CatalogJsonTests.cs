using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ModelCatalog.Tests.Json;

/// <summary>
/// The catalog's JSON rules against System.Text.Json itself as the oracle: text is invalid exactly when
/// System.Text.Json cannot turn it into a string, and a value's depth is exactly the smallest MaxDepth that parses it.
/// </summary>
public sealed class CatalogJsonTests
{
    // Pieces of a JSON string's content, as raw UTF-8: plain and escaped text, valid pairs, lone halves, invalid bytes.
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "é"u8.ToArray(), "😀"u8.ToArray(), @"\n"u8.ToArray(), @"\\"u8.ToArray(), @"\\u"u8.ToArray(),
        @"\u0041"u8.ToArray(), @"\ud83d\ude00"u8.ToArray(), @"\ud800"u8.ToArray(), @"\udc00"u8.ToArray(),
        @"\uDBFF"u8.ToArray(), @"\"""u8.ToArray(), [0xC3, 0x28], [0xFF], [0xE2, 0x82], [0xED, 0xA0, 0x80],
    ];

    private static readonly Gen<byte[]> StringContent =
        Gen.ListOf(Gen.Elements(Pieces)).Select(list => list.SelectMany(p => p).ToArray());

    // A document with the content both as a property name and as a value, nested in an array.
    private static byte[] Document(byte[] content)
        => [.. Encoding.ASCII.GetBytes("[{\""), .. content, .. Encoding.ASCII.GetBytes("\": \""), .. content, .. Encoding.ASCII.GetBytes("\"}]")];

    private static bool StringsReadCleanly(byte[] document)
    {
        try
        {
            using var parsed = JsonDocument.Parse(document);
            var property = parsed.RootElement[0].EnumerateObject().Single();
            _ = property.Name;
            _ = property.Value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [Property(MaxTest = 3_000)]
    public Property Text_is_reported_invalid_exactly_when_System_Text_Json_cannot_read_it_as_a_string()
        => Prop.ForAll(Arb.From(StringContent), content =>
        {
            byte[] document = Document(content);

            bool found = CatalogJson.TryFindInvalidText(document, out int line, out int column, out string? problem);

            Assert.Equal(!StringsReadCleanly(document), found);
            Assert.Equal(found, problem is not null);
            Assert.Equal(found ? 1 : 0, line);
            Assert.True(!found || column >= 3, $"column {column}");
        });

    private static readonly Gen<string> Scalar = Gen.Elements("1", "\"[{\"", "null", "\"\\\"]\"", "[]", "{}");

    // One level of nesting around an inner value: an array or object, with scalar (or empty-container) siblings
    // whose brackets sit beside the chain and inside strings, so only the chain counts towards the depth.
    private static readonly Gen<(Func<string, string> Wrap, int SiblingDepth)> Level =
        Gen.Elements(0, 1, 2).SelectMany(kind => Scalar.Select(sibling => kind switch
        {
            0 => ((Func<string, string>)(inner => "[" + inner + "]"), 0),
            1 => (inner => "[" + sibling + "," + inner + "," + sibling + "]", DepthOfScalar(sibling)),
            _ => (inner => "{\"k[\":" + sibling + ",\"v{\":" + inner + "}", DepthOfScalar(sibling)),
        }));

    private static int DepthOfScalar(string scalar) => scalar is "[]" or "{}" ? 1 : 0;

    // Chains up to 90 deep: values on both sides of the default limit of 64.
    private static readonly Gen<(string Json, int Depth)> Nested =
        Gen.Choose(0, 90).SelectMany(depth => Gen.ListOf(Level, depth).SelectMany(levels => Scalar.Select(core =>
        {
            string json = levels.Aggregate(core, (inner, level) => level.Wrap(inner));
            int expected = levels.Aggregate(DepthOfScalar(core), (inner, level) => 1 + Math.Max(inner, level.SiblingDepth));
            return (json, expected);
        })));

    [Property(MaxTest = 500)]
    public Property The_depth_of_a_value_is_the_smallest_MaxDepth_at_which_System_Text_Json_parses_it()
        => Prop.ForAll(Arb.From(Nested), nested =>
        {
            using var document = JsonDocument.Parse(nested.Json, new JsonDocumentOptions { MaxDepth = 1000 });

            int depth = CatalogJson.DepthOf(document.RootElement);

            Assert.Equal(nested.Depth, depth);
            if (depth >= 2)
            {
                // MaxDepth 0 means "the default", so the oracle is asked only where depth - 1 is a real limit.
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(nested.Json, new JsonDocumentOptions { MaxDepth = depth - 1 }).Dispose());
                JsonDocument.Parse(nested.Json, new JsonDocumentOptions { MaxDepth = depth }).Dispose();
            }
        });

    [Fact]
    public void A_value_nested_exactly_to_the_limit_is_valid_and_one_level_more_is_not()
    {
        using var atLimit = JsonDocument.Parse(new string('[', 64) + new string(']', 64));
        using var beyond = JsonDocument.Parse(new string('[', 65) + new string(']', 65), new JsonDocumentOptions { MaxDepth = 100 });

        Assert.True(CatalogJson.TryValidate(atLimit.RootElement, out _));
        Assert.False(CatalogJson.TryValidate(beyond.RootElement, out string? problem));
        Assert.Equal("nests 65 levels deep, more than the catalog's limit of 64", problem);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_named_with_its_offset()
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes("""{"name":"x\udc00"}"""));

        Assert.False(CatalogJson.TryValidate(document.RootElement, out string? problem));
        Assert.Equal(@"holds an unpaired surrogate escape \udc00 at byte 10 of its JSON", problem);
    }

    [Fact]
    public void Invalid_UTF8_is_located_by_line_and_column()
    {
        byte[] document = [.. Encoding.ASCII.GetBytes("{\n  \"a\": \"ok\",\n  \"b\": \"x"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\"\n}")];

        Assert.True(CatalogJson.TryFindInvalidText(document, out int line, out int column, out string? problem));
        Assert.Equal((3, 10, "invalid UTF-8"), (line, column, problem));
    }

    [Fact]
    public void Merging_values_whose_text_System_Text_Json_cannot_read_compares_bytes_instead_of_crashing()
    {
        using var left = JsonDocument.Parse(Encoding.UTF8.GetBytes("""{"a":"\ud800"}"""));
        using var same = JsonDocument.Parse(Encoding.UTF8.GetBytes("""{"a":"\ud800"}"""));
        using var other = JsonDocument.Parse(Encoding.UTF8.GetBytes("""{"a":"\udbff"}"""));

        Assert.True(FieldValues.JsonEquals(left.RootElement, same.RootElement));
        Assert.False(FieldValues.JsonEquals(left.RootElement, other.RootElement));
    }
}
