using System.Buffers;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

public class RequestModelRewriterFidelityTests
{
    private static readonly FsCheck.Gen<GeneratedDocument> Documents =
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => GeneratedDocument.Create(seed, size)));

    [Property(MaxTest = 5_000)]
    public Property Rewriting_replaces_exactly_the_model_value_bytes_and_keeps_every_other_byte()
        => Prop.ForAll(Arb.From(Documents), document =>
        {
            var (output, error) = Bodies.Rewrite(document.Json, document.NewModel);

            Assert.Equal(ModelRewriteError.None, error);
            byte[] expected = [.. document.Json.AsSpan(0, document.ModelStart), (byte)'"', .. Bodies.Encode(document.NewModel).EncodedUtf8Bytes, (byte)'"', .. document.Json.AsSpan(document.ModelEnd)];
            Assert.Equal(expected, output);
        });

    [Property]
    public Property Locating_reads_the_unescaped_model_value_at_its_byte_range()
        => Prop.ForAll(Arb.From(Documents), document =>
        {
            Assert.True(RequestModelRewriter.TryLocate(document.Json, out var location, out _, out _));
            Assert.Equal(document.ModelStart, location.Start);
            Assert.Equal(document.ModelEnd, location.End);
            Assert.Equal(document.Model, location.Value);
        });

    [Property(MaxTest = 3_000)]
    public Property System_Text_Json_reads_the_rewritten_document_as_the_original_apart_from_model()
        => Prop.ForAll(Arb.From(Documents), document =>
        {
            var (output, _) = Bodies.Rewrite(document.Json, document.NewModel);
            using var before = JsonDocument.Parse(document.Json);
            using var after = JsonDocument.Parse(output);

            var beforeMembers = before.RootElement.EnumerateObject().ToList();
            var afterMembers = after.RootElement.EnumerateObject().ToList();
            Assert.Equal(beforeMembers.Count, afterMembers.Count);
            for (var i = 0; i < beforeMembers.Count; i++)
            {
                Assert.Equal(beforeMembers[i].Name, afterMembers[i].Name);
                if (beforeMembers[i].NameEquals("model"))
                {
                    Assert.Equal(document.Model, beforeMembers[i].Value.GetString());
                    Assert.Equal(document.NewModel, afterMembers[i].Value.GetString());
                }
                else
                {
                    Assert.True(JsonElement.DeepEquals(beforeMembers[i].Value, afterMembers[i].Value), beforeMembers[i].Name);
                }
            }
        });

    [Property]
    public Property A_sequence_cut_anywhere_rewrites_like_the_contiguous_body()
        => Prop.ForAll(Arb.From(Documents.SelectMany(d => Gen.Choose(0, d.Json.Length).Two().Select(cuts => (Document: d, Cuts: new[] { cuts.Item1, cuts.Item2 })))), 
            sample =>
            {
                var (expected, _) = Bodies.Rewrite(sample.Document.Json, sample.Document.NewModel);
                var output = new ArrayBufferWriter<byte>();
                var sequence = Bodies.Segmented(sample.Document.Json, sample.Cuts);

                Assert.True(RequestModelRewriter.TryRewrite(sequence, Bodies.Encode(sample.Document.NewModel), output, out _, out _));
                Assert.Equal(expected, output.WrittenSpan.ToArray());
            });
}
