using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ModelCatalog.Gateway;

/// <summary>Finds the first ill-formed UTF-8 byte, over spans and over sequences whose segments split characters.</summary>
internal static class Utf8Validation
{
    /// <summary>The offset of the first ill-formed sequence, or -1 when <paramref name="utf8"/> is well formed.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return -1;
        }

        // Slow path, failures only: decode rune by rune to report where.
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>The offset of the first ill-formed sequence, or -1 when <paramref name="utf8"/> is well formed.</summary>
    public static long IndexOfInvalid(in ReadOnlySequence<byte> utf8)
    {
        if (utf8.IsSingleSegment)
        {
            return IndexOfInvalid(utf8.FirstSpan);
        }

        Span<byte> carry = stackalloc byte[4];
        var carryLength = 0;
        long offset = 0;
        foreach (var memory in utf8)
        {
            var span = memory.Span;
            if (carryLength > 0)
            {
                // Complete the character split by the previous segment boundary.
                var take = Math.Min(SequenceLength(carry[0]) - carryLength, span.Length);
                span[..take].CopyTo(carry[carryLength..]);
                carryLength += take;
                span = span[take..];
                offset += take;
                if (carryLength < SequenceLength(carry[0]))
                {
                    continue;
                }

                if (!Utf8.IsValid(carry[..carryLength]))
                {
                    return offset - carryLength;
                }

                carryLength = 0;
            }

            var tail = IncompleteTailLength(span);
            var bad = IndexOfInvalid(span[..^tail]);
            if (bad >= 0)
            {
                return offset + bad;
            }

            span[^tail..].CopyTo(carry);
            carryLength = tail;
            offset += span.Length;
        }

        return carryLength > 0 ? offset - carryLength : -1;
    }

    /// <summary>How many bytes at the end start a multi-byte character that the span does not finish (0–3).</summary>
    private static int IncompleteTailLength(ReadOnlySpan<byte> span)
    {
        for (var i = 1; i <= Math.Min(3, span.Length); i++)
        {
            var b = span[^i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            return b is >= 0xC0 and < 0xF8 && SequenceLength(b) > i ? i : 0;
        }

        return 0;
    }

    private static int SequenceLength(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}
