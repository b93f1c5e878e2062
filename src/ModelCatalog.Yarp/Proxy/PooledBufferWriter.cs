using System.Buffers;

namespace ModelCatalog.Yarp;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>: the response bodies the
/// gateway holds to rewrite are per request, so renting them keeps the proxy's allocations close to plain YARP's.
/// <see cref="Dispose"/> returns the array; nothing may use <see cref="WrittenMemory"/> after that.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumCapacity = 256;
    private byte[]? _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = MinimumCapacity)
        => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumCapacity));

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => Buffer.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => Buffer.AsMemory(0, _written);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written > Buffer.Length - count)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

    /// <summary>Empties the writer, keeping its array for the next writes.</summary>
    public void ResetWrittenCount() => _written = 0;

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Ensure(int sizeHint)
    {
        var buffer = Buffer;
        int needed = Math.Max(sizeHint, 1);
        if (buffer.Length - _written >= needed)
        {
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent(checked(Math.Max(buffer.Length * 2, _written + needed)));
        buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        _buffer = larger;
        return larger;
    }
}
