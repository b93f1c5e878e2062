using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ModelCatalog.Gateway.Tests.Support;

/// <summary>Small helpers shared by the rewriter tests.</summary>
public static class Bodies
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    public static JsonEncodedText Encode(string model) => RequestModelRewriter.EncodeModel(model);

    /// <summary>The body rewritten by <see cref="RequestModelRewriter.TryRewrite(ReadOnlySpan{byte}, JsonEncodedText, IBufferWriter{byte}, out ModelRewriteError, out long, ModelRewriteOptions?)"/>, or the error.</summary>
    public static (byte[] Output, ModelRewriteError Error) Rewrite(byte[] json, string model, ModelRewriteOptions? options = null)
    {
        var output = new ArrayBufferWriter<byte>();
        RequestModelRewriter.TryRewrite(json, Encode(model), output, out var error, out _, options);
        return (output.WrittenSpan.ToArray(), error);
    }

    /// <summary>Splits <paramref name="bytes"/> into a multi-segment sequence with cuts at <paramref name="cuts"/>.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().Append(bytes.Length).ToArray();
        Segment? first = null;
        Segment? last = null;
        var start = 0;
        foreach (var end in bounds)
        {
            var segment = new Segment(bytes.AsMemory(start, end - start), last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
            start = end;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
