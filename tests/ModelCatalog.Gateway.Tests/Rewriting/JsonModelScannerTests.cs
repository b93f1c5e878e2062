using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

/// <summary>The hand-written scanner against System.Text.Json's reader, the independent oracle for "is this JSON".</summary>
public class JsonModelScannerTests
{
    private static readonly byte[] Noise = "{}[]\":,\\ \n0123456789eE-+.tfnrulsa/"u8.ToArray();

    private static readonly FsCheck.Gen<byte[]> MutatedDocuments =
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Mutate(GeneratedDocument.Create(seed, size).Json, seed)));

    [Property(MaxTest = 10_000)]
    public Property The_scanner_accepts_a_document_exactly_when_Utf8JsonReader_does()
        => Prop.ForAll(Arb.From(MutatedDocuments), json =>
        {
            var error = JsonModelScanner.Scan(json, 1_000, allowMessageModel: false, out _, out _, out _);

            // These verdicts stop at the model member, before the rest is read: they say nothing about validity.
            if (error is ModelRewriteError.DuplicateModel or ModelRewriteError.ModelNotString)
            {
                return;
            }

            Assert.True((error != ModelRewriteError.InvalidJson) == ReaderAccepts(json), $"{error}: {Bodies.Text(json)}");
        });

    [Theory]
    [InlineData("{\"model\":\"a\"}", true)]
    [InlineData("{\"model\":\"a\",\"n\":-0.0e+5}", true)]
    [InlineData("{\"model\":\"a\",\"n\":01}", false)]
    [InlineData("{\"model\":\"a\",\"n\":1.}", false)]
    [InlineData("{\"model\":\"a\",\"n\":.5}", false)]
    [InlineData("{\"model\":\"a\",\"n\":1e}", false)]
    [InlineData("{\"model\":\"a\",\"n\":+1}", false)]
    [InlineData("{\"model\":\"a\",\"n\":truex}", false)]
    [InlineData("{\"model\":\"a\",\"n\":nul}", false)]
    [InlineData("{\"model\":\"a\",\"s\":\"\\x\"}", false)]
    [InlineData("{\"model\":\"a\",\"s\":\"\\u12G4\"}", false)]
    [InlineData("{\"model\":\"a\",\"s\":\"\\u12\"}", false)]
    [InlineData("{\"model\":\"a\" \"x\":1}", false)]
    [InlineData("{\"model\":\"a\",\"x\":[1,]}", false)]
    [InlineData("{\"model\":\"a\",\"x\":[1 2]}", false)]
    [InlineData("{\"model\":\"a\",\"x\":{\"k\"}}", false)]
    [InlineData("{\"model\":\"a\",\"x\":{1:2}}", false)]
    [InlineData("{\"model\":\"a\"}]", false)]
    [InlineData("{\"model\":\"a\"]", false)]
    [InlineData("\u000b{\"model\":\"a\"}", false)]
    public void The_scanner_agrees_with_Utf8JsonReader_on_grammar_corner_cases(string json, bool valid)
    {
        var bytes = Bodies.Utf8(json);

        Assert.Equal(valid, ReaderAccepts(bytes));
        Assert.Equal(valid, JsonModelScanner.Scan(bytes, 64, allowMessageModel: false, out _, out _, out _) != ModelRewriteError.InvalidJson);
    }

    [Fact]
    public void A_control_character_anywhere_in_a_long_string_is_found_in_every_block_position()
    {
        for (var length = 0; length < 70; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new string('a', length).ToCharArray();
                text[at] = '\t';
                var json = Bodies.Utf8("{\"model\":\"a/b\",\"s\":\"" + new string(text) + "\"}");

                Assert.Equal(ModelRewriteError.InvalidJson, JsonModelScanner.Scan(json, 64, allowMessageModel: false, out _, out _, out var position));
                Assert.Equal(json.Length - 2 - length + at, position);
            }
        }
    }

    private static bool ReaderAccepts(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1_001 });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] Mutate(byte[] json, int seed)
    {
        var random = new Random(seed);
        var bytes = json.ToList();
        var mutations = random.Next(0, 4);
        for (var i = 0; i < mutations && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                default:
                    bytes[at] = Noise[random.Next(Noise.Length)];
                    break;
            }
        }

        return [.. bytes];
    }
}
