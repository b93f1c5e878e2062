using System.Buffers;

namespace ModelCatalog.Tests.Support;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/> so that readers see <c>HasValueSequence</c>.</summary>
public sealed class JsonSegments : ReadOnlySequenceSegment<byte>
{
    private JsonSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Splits <paramref name="bytes"/> into segments of <paramref name="segmentLength"/> bytes (the last may be shorter).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int segmentLength)
    {
        var first = new JsonSegments(bytes.AsMemory(0, Math.Min(segmentLength, bytes.Length)), 0);
        var last = first;
        for (int start = segmentLength; start < bytes.Length; start += segmentLength)
        {
            var next = new JsonSegments(bytes.AsMemory(start, Math.Min(segmentLength, bytes.Length - start)), start);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
