using System.Buffers;
using System.Text;
using System.Text.Json;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

public class RequestModelRewriterTests
{
    [Fact]
    public void Only_the_top_level_model_changes_and_nested_model_keys_stay()
    {
        var json = """{ "messages": [{"role":"user","model":"keep/me"}], "model" : "openai/gpt-4o", "metadata":{"model":"x/y"}, "n": 1.50 }""";

        var (output, error) = Bodies.Rewrite(Bodies.Utf8(json), "gpt-4o");

        Assert.Equal(ModelRewriteError.None, error);
        Assert.Equal(json.Replace("\"openai/gpt-4o\"", "\"gpt-4o\"", StringComparison.Ordinal), Bodies.Text(output));
    }

    [Fact]
    public void A_replacement_that_needs_escaping_is_escaped_minimally()
    {
        var (output, _) = Bodies.Rewrite(Bodies.Utf8("""{"model":"a/b"}"""), "é\"\\\n<");

        Assert.Equal("{\"model\":\"é\\\"\\\\\\n<\"}", Bodies.Text(output));
    }

    [Fact]
    public void The_model_value_is_read_unescaped()
    {
        Assert.True(RequestModelRewriter.TryLocate(Bodies.Utf8("""{"model":"openai\/gpt-4\u006f"}"""), out var location, out _, out _));

        Assert.Equal("openai/gpt-4o", location.Value);
    }

    [Fact]
    public void Nothing_is_written_when_the_body_is_rejected()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.False(RequestModelRewriter.TryRewrite(Bodies.Utf8("[]"), Bodies.Encode("x"), output, out var error, out _));

        Assert.Equal(ModelRewriteError.NotAnObject, error);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void A_byte_order_mark_is_kept_when_allowed()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Bodies.Utf8("""{"model":"a/b"}""")];

        var (output, error) = Bodies.Rewrite(json, "b", new ModelRewriteOptions { AllowByteOrderMark = true });

        Assert.Equal(ModelRewriteError.None, error);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Bodies.Utf8("""{"model":"b"}""")], output);
    }

    [Fact]
    public void The_depth_limit_counts_the_top_level_object_as_one()
    {
        var json = Bodies.Utf8("""{"model":"a/b","x":[{"y":[]}]}""");

        Assert.Equal(ModelRewriteError.None, Bodies.Rewrite(json, "b", new ModelRewriteOptions { MaxDepth = 4 }).Error);
        Assert.Equal(ModelRewriteError.TooDeep, Bodies.Rewrite(json, "b", new ModelRewriteOptions { MaxDepth = 3 }).Error);
    }

    [Fact]
    public void Invalid_utf8_split_across_segments_is_found_at_its_byte()
    {
        var json = Bodies.Utf8("""{"model":"a/b","x":"é"}""");
        var broken = json.ToArray();
        broken[^3] = 0x41; // 'é' is C3 A9: keep C3, replace A9 with 'A'
        broken[^4] = 0xC3;

        for (var cut = 1; cut < broken.Length; cut++)
        {
            Assert.False(RequestModelRewriter.TryLocate(Bodies.Segmented(broken, cut), out _, out var error, out var position));
            Assert.Equal(ModelRewriteError.InvalidUtf8, error);
            Assert.Equal(broken.Length - 4, position);
        }
    }

    [Fact]
    public void Every_error_has_a_description()
    {
        foreach (var error in Enum.GetValues<ModelRewriteError>())
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Describe(3)));
        }
    }

    [Fact]
    public void A_location_from_another_body_is_refused()
    {
        Assert.True(RequestModelRewriter.TryLocate(Bodies.Utf8("""{"model":"openai/gpt-4o"}"""), out var location, out _, out _));

        Assert.Throws<ArgumentException>("location", () => RequestModelRewriter.Write(Bodies.Utf8("{}"), location, Bodies.Encode("x"), new ArrayBufferWriter<byte>()));
    }

    public static TheoryData<string, byte[], ModelRewriteError> Corpus()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var huge = new string('x', 3_000_000);
        return new()
        {
            { "duplicate model", Bodies.Utf8("""{"model":"a/b","model":"c/d"}"""), ModelRewriteError.DuplicateModel },
            { "escaped duplicate", Bodies.Utf8("""{"model":"a/b","mod\u0065l":"c/d"}"""), ModelRewriteError.DuplicateModel },
            { "escaped first spelling", Bodies.Utf8("""{"\u006dodel":"a/b","model":"c/d"}"""), ModelRewriteError.DuplicateModel },
            { "only an escaped spelling", Bodies.Utf8("""{"mod\u0065l":"a/b"}"""), ModelRewriteError.None },
            { "duplicate other keys", Bodies.Utf8("""{"x":1,"x":2,"model":"a/b"}"""), ModelRewriteError.None },
            { "byte order mark", [0xEF, 0xBB, 0xBF, .. Bodies.Utf8("""{"model":"a/b"}""")], ModelRewriteError.ByteOrderMark },
            { "nested model only", Bodies.Utf8("""{"messages":[{"model":"a/b"}],"meta":{"model":"c/d"}}"""), ModelRewriteError.MissingModel },
            { "model not a string", Bodies.Utf8("""{"model":{"name":"a/b"}}"""), ModelRewriteError.ModelNotString },
            { "model null", Bodies.Utf8("""{"model":null}"""), ModelRewriteError.ModelNotString },
            { "array body", Bodies.Utf8("""[{"model":"a/b"}]"""), ModelRewriteError.NotAnObject },
            { "string body", Bodies.Utf8("\"a/b\""), ModelRewriteError.NotAnObject },
            { "empty body", [], ModelRewriteError.InvalidJson },
            { "white space body", Bodies.Utf8("  \n"), ModelRewriteError.InvalidJson },
            { "truncated", Bodies.Utf8("""{"model":"a/b","messages":[{"role":"us"""), ModelRewriteError.InvalidJson },
            { "truncated in model", Bodies.Utf8("""{"model":"a/"""), ModelRewriteError.InvalidJson },
            { "trailing data", Bodies.Utf8("""{"model":"a/b"} {"model":"c/d"}"""), ModelRewriteError.InvalidJson },
            { "trailing comma", Bodies.Utf8("""{"model":"a/b",}"""), ModelRewriteError.InvalidJson },
            { "comment", Bodies.Utf8("""{"model":"a/b" /* c/d */}"""), ModelRewriteError.InvalidJson },
            { "single quotes", Bodies.Utf8("{'model':'a/b'}"), ModelRewriteError.InvalidJson },
            { "unescaped control character", Bodies.Utf8("{\"model\":\"a/\tb\"}"), ModelRewriteError.InvalidJson },
            { "invalid utf8 in a value", [.. Bodies.Utf8("{\"model\":\"a/b\",\"x\":\""), 0xC3, 0x28, .. Bodies.Utf8("\"}")], ModelRewriteError.InvalidUtf8 },
            { "invalid utf8 in a key", [.. Bodies.Utf8("{\""), 0xFF, .. Bodies.Utf8("\":1,\"model\":\"a/b\"}")], ModelRewriteError.InvalidUtf8 },
            { "overlong utf8", [.. Bodies.Utf8("""{"model":"a/"""), 0xC0, 0xAF, .. Bodies.Utf8("\"}")], ModelRewriteError.InvalidUtf8 },
            { "deep nesting", Bodies.Utf8("{\"model\":\"a/b\",\"x\":" + deep + "}"), ModelRewriteError.TooDeep },
            { "deep nesting before model", Bodies.Utf8("{\"x\":" + deep + ",\"model\":\"a/b\"}"), ModelRewriteError.TooDeep },
            { "huge string", Bodies.Utf8("{\"model\":\"a/b\",\"content\":\"" + huge + "\"}"), ModelRewriteError.None },
            { "huge model", Bodies.Utf8("{\"model\":\"a/" + huge + "\"}"), ModelRewriteError.None },
            { "lone surrogate escape in model", Bodies.Utf8("""{"model":"a/\ud800"}"""), ModelRewriteError.UnpairedSurrogate },
            { "lone surrogate escape in a top-level key", Bodies.Utf8("""{"\ud800":1,"model":"a/b"}"""), ModelRewriteError.UnpairedSurrogate },
            { "lone low surrogate escape in a top-level key", Bodies.Utf8("""{"x\udc00":1,"model":"a/b"}"""), ModelRewriteError.UnpairedSurrogate },
            { "high surrogate escape before a letter in a top-level key", Bodies.Utf8("""{"\ud83dx":1,"model":"a/b"}"""), ModelRewriteError.UnpairedSurrogate },
            { "lone surrogate key that could read as model", Bodies.Utf8("""{"model":"a/b","mod\ud800el":"c/d"}"""), ModelRewriteError.UnpairedSurrogate },
            { "paired surrogate escapes in a top-level key", Bodies.Utf8("""{"\ud83d\ude00":1,"model":"a/b"}"""), ModelRewriteError.None },
            { "escaped backslash then u in a top-level key", Bodies.Utf8("""{"\\ud800":1,"model":"a/b"}"""), ModelRewriteError.None },
            { "lone surrogate key in an invalid document", Bodies.Utf8("""{"\ud800":1,"model":"a/b",}"""), ModelRewriteError.InvalidJson },
            { "lone surrogate escape in a nested key", Bodies.Utf8("""{"x":{"\ud800":1},"model":"a/b"}"""), ModelRewriteError.None },
            { "nul escape in key", Bodies.Utf8("""{"model\u0000":"a/b","model":"c/d"}"""), ModelRewriteError.None },
            { "upper-case key", Bodies.Utf8("""{"Model":"a/b"}"""), ModelRewriteError.MissingModel },
        };
    }

    [Theory]
    [MemberData(nameof(Corpus), DisableDiscoveryEnumeration = true)] // the corpus holds 3 MB bodies: enumerate at run time, not at discovery
    public void An_adversarial_body_gets_the_expected_verdict(string name, byte[] json, ModelRewriteError expected)
    {
        RequestModelRewriter.TryLocate(json, out _, out var error, out _);

        Assert.True(expected == error, $"{name}: expected {expected}, got {error}");
    }

    [Theory]
    [MemberData(nameof(Corpus), DisableDiscoveryEnumeration = true)] // the corpus holds 3 MB bodies: enumerate at run time, not at discovery
    public void An_adversarial_body_is_read_as_System_Text_Json_reads_it_or_rejected(string name, byte[] json, ModelRewriteError expected)
    {
        _ = expected;
        if (!RequestModelRewriter.TryLocate(json, out var location, out _, out _))
        {
            return;
        }

        // Accepted: a strict parse must accept it too and see the very same model.
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ModelRewriteOptions.DefaultMaxDepth });
        var oracle = document.RootElement.GetProperty("model");
        Assert.True(oracle.ValueEquals(location.Value), name);

        // A strict parse (duplicate keys refused) that accepts the body sees the same model. Duplicate keys other than
        // model are passed through untouched: the upstream reads them as it would have without the gateway.
        JsonDocument strict;
        try
        {
            strict = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The strict parse refuses it (duplicate keys, or a key with an unpaired surrogate it cannot compare).
            return;
        }

        using (strict)
        {
            Assert.True(strict.RootElement.GetProperty("model").ValueEquals(location.Value), name);
        }
    }

    [Fact]
    public void Every_body_a_strict_parse_rejects_for_its_model_is_rejected()
    {
        // Each prefix of a valid body is truncated: System.Text.Json rejects all of them, and so do we.
        var json = Bodies.Utf8("""{"model":"openai/gpt-4o","messages":[{"role":"user","content":"héllo \"you\""}],"temperature":0.2}""");
        for (var length = 0; length < json.Length; length++)
        {
            Assert.False(RequestModelRewriter.TryLocate(json.AsSpan(0, length), out _, out _, out _), Encoding.UTF8.GetString(json, 0, length));
        }
    }
}
