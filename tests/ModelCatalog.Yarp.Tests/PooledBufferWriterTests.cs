using FsCheck.Xunit;

namespace ModelCatalog.Yarp.Tests;

/// <summary>The pooled writer behind the held response bodies: what is written is what is read, however it grows.</summary>
public sealed class PooledBufferWriterTests
{
    [Property]
    public bool Written_chunks_read_back_as_their_concatenation(byte[][] chunks, byte initialCapacity)
    {
        using var writer = new PooledBufferWriter(initialCapacity);
        foreach (var chunk in chunks)
        {
            // Half the chunks through GetSpan without a hint, half with an exact hint: both paths must grow the array.
            var span = chunk.Length % 2 == 0 ? writer.GetSpan(chunk.Length) : writer.GetSpan();
            if (span.Length < chunk.Length)
            {
                span = writer.GetSpan(chunk.Length);
            }

            chunk.CopyTo(span);
            writer.Advance(chunk.Length);
        }

        var expected = chunks.SelectMany(c => c).ToArray();
        return writer.WrittenCount == expected.Length && writer.WrittenSpan.SequenceEqual(expected) && writer.WrittenMemory.Span.SequenceEqual(expected);
    }

    [Fact]
    public void Reset_keeps_nothing_of_what_was_written()
    {
        using var writer = new PooledBufferWriter();
        writer.GetSpan(3)[..3].Fill(7);
        writer.Advance(3);

        writer.ResetWrittenCount();

        Assert.Equal(0, writer.WrittenCount);
        Assert.True(writer.WrittenSpan.IsEmpty);
    }

    [Fact]
    public void Advancing_past_the_buffer_is_refused()
    {
        using var writer = new PooledBufferWriter();
        int capacity = writer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => writer.Advance(capacity + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void After_dispose_the_writer_cannot_be_read_or_written()
    {
        var writer = new PooledBufferWriter();
        writer.Dispose();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
        Assert.Throws<ObjectDisposedException>(() => writer.WrittenMemory);
    }
}
