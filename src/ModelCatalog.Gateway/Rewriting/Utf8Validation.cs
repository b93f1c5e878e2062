using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Unicode;

namespace ModelCatalog.Gateway;

/// <summary>Finds the first ill-formed UTF-8 byte.</summary>
/// <remarks>
/// <see cref="Utf8.IsValid"/> runs at memory speed on ASCII but at about 1 byte per cycle on non-ASCII text. With AVX2
/// the check is the table-lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than one instruction per
/// byte", 2021): three 16-entry lookups classify each byte pair by the high and low nibbles of the previous byte and
/// the high nibble of the current one, and the continuation bytes required by 3- and 4-byte leads are checked
/// against the bytes two and three places back; 32 bytes per step, ASCII blocks skipped. Elsewhere the BCL is used.
/// The tests hold both to <see cref="Utf8.IsValid"/>.
/// </remarks>
internal static class Utf8Validation
{
    // Error classes, one bit each; a byte pair is ill formed when the three lookups share a bit.
    private const byte TooShort = 1 << 0;     // 11______ followed by 0_______ or 11______
    private const byte TooLong = 1 << 1;      // 0_______ followed by 10______
    private const byte Overlong3 = 1 << 2;    // 11100000 100_____
    private const byte TooLarge = 1 << 3;     // 11110100 1001____ and above
    private const byte Surrogate = 1 << 4;    // 11101101 101_____
    private const byte Overlong2 = 1 << 5;    // 1100000_ 10______
    private const byte TooLarge1000 = 1 << 6; // 11110101+ 1000____
    private const byte Overlong4 = 1 << 6;    // 11110000 1000____
    private const byte TwoConts = 1 << 7;     // 10______ 10______ (legal only as the 3rd or 4th byte of a sequence)
    private const byte Carry = TooShort | TooLong | TwoConts;

    /// <summary>The offset of the first ill-formed sequence, or -1 when <paramref name="utf8"/> is well formed.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> utf8)
    {
        if (IsValid(utf8))
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

    /// <summary>Whether <paramref name="utf8"/> is well-formed UTF-8 (the same verdict as <see cref="Utf8.IsValid"/>).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8)
        => Avx2.IsSupported && utf8.Length >= Vector256<byte>.Count
            ? Ascii.IsValid(utf8) || IsValidAvx2(utf8) // the BCL's ASCII check is the fastest answer for ASCII bodies, and stops at the first other byte
            : Utf8.IsValid(utf8);

    private static bool IsValidAvx2(ReadOnlySpan<byte> utf8)
    {
        var byte1High = Vector256.Create(
            TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
            TwoConts, TwoConts, TwoConts, TwoConts,
            TooShort | Overlong2,
            TooShort,
            TooShort | Overlong3 | Surrogate,
            TooShort | TooLarge | TooLarge1000 | Overlong4,
            TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
            TwoConts, TwoConts, TwoConts, TwoConts,
            TooShort | Overlong2,
            TooShort,
            TooShort | Overlong3 | Surrogate,
            TooShort | TooLarge | TooLarge1000 | Overlong4);
        const byte Large = Carry | TooLarge | TooLarge1000;
        var byte1Low = Vector256.Create(
            Carry | Overlong3 | Overlong2 | Overlong4,
            Carry | Overlong2,
            Carry, Carry,
            Carry | TooLarge,
            Large, Large, Large, Large, Large, Large, Large, Large,
            Large | Surrogate,
            Large, Large,
            Carry | Overlong3 | Overlong2 | Overlong4,
            Carry | Overlong2,
            Carry, Carry,
            Carry | TooLarge,
            Large, Large, Large, Large, Large, Large, Large, Large,
            Large | Surrogate,
            Large, Large);
        const byte Cont1000 = TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge1000 | Overlong4;
        const byte Cont1001 = TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge;
        const byte Cont101 = TooLong | Overlong2 | TwoConts | Surrogate | TooLarge;
        var byte2High = Vector256.Create(
            TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
            Cont1000, Cont1001, Cont101, Cont101,
            TooShort, TooShort, TooShort, TooShort,
            TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
            Cont1000, Cont1001, Cont101, Cont101,
            TooShort, TooShort, TooShort, TooShort);

        // A block whose last three bytes start a sequence that needs more bytes than remain in it.
        Span<byte> maxBytes = stackalloc byte[32];
        maxBytes.Fill(0xFF);
        maxBytes[29] = 0xF0 - 1;
        maxBytes[30] = 0xE0 - 1;
        maxBytes[31] = 0xC0 - 1;
        var incompleteAfter = Vector256.Create<byte>(maxBytes);

        Span<byte> tail = stackalloc byte[32];
        var error = Vector256<byte>.Zero;
        var previous = Vector256<byte>.Zero;
        var previousIncomplete = Vector256<byte>.Zero;
        var previousAscii = true; // the start of the input: skip a leading ASCII run at once
        ref var start = ref MemoryMarshal.GetReference(utf8);
        var offset = 0;
        var last = utf8.Length - Vector256<byte>.Count;
        while (true)
        {
            Vector256<byte> input;
            if (offset <= last)
            {
                input = Vector256.LoadUnsafe(ref start, (nuint)offset);
            }
            else
            {
                // The tail, padded with ASCII zeros: a sequence cut by the end meets a zero and fails as too short.
                tail.Clear();
                utf8[offset..].CopyTo(tail);
                input = Vector256.Create<byte>(tail);
            }

            if (Avx2.MoveMask(input) == 0)
            {
                error |= previousIncomplete;
                previousIncomplete = Vector256<byte>.Zero;
                if (previousAscii && offset + Vector256<byte>.Count < utf8.Length)
                {
                    // A second ASCII block in a row: likely a long ASCII run, which the BCL skips faster than blocks
                    // do. The next block starts at its first non-ASCII byte; the zero "previous" stands for ASCII.
                    var next = utf8[(offset + Vector256<byte>.Count)..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    if (next < 0)
                    {
                        break;
                    }

                    offset += Vector256<byte>.Count + next;
                    previous = Vector256<byte>.Zero;
                    previousAscii = false;
                    continue;
                }

                previousAscii = true;
            }
            else
            {
                error |= CheckBlock(input, previous, byte1High, byte1Low, byte2High);
                previousIncomplete = Avx2.SubtractSaturate(input, incompleteAfter);
                previousAscii = false;
            }

            previous = input;
            offset += Vector256<byte>.Count;
            if (offset > utf8.Length)
            {
                break;
            }

            // Every 16 blocks, stop early on an error (the common case is valid, so check rarely).
            if ((offset & 511) == 0 && !Avx.TestZ(error, error))
            {
                return false;
            }
        }

        error |= previousIncomplete;
        return Avx.TestZ(error, error);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> CheckBlock(Vector256<byte> input, Vector256<byte> previous, Vector256<byte> byte1High, Vector256<byte> byte1Low, Vector256<byte> byte2High)
    {
        var nibble = Vector256.Create((byte)0x0F);

        // The bytes one, two and three places back, across the 128-bit lanes and the previous block.
        var carried = Avx2.Permute2x128(previous, input, 0x21);
        var prev1 = Avx2.AlignRight(input, carried, 16 - 1);
        var prev2 = Avx2.AlignRight(input, carried, 16 - 2);
        var prev3 = Avx2.AlignRight(input, carried, 16 - 3);

        var special = Avx2.Shuffle(byte1High, Avx2.ShiftRightLogical(prev1.AsUInt16(), 4).AsByte() & nibble)
            & Avx2.Shuffle(byte1Low, prev1 & nibble)
            & Avx2.Shuffle(byte2High, Avx2.ShiftRightLogical(input.AsUInt16(), 4).AsByte() & nibble);

        // Where the byte two back is a 3- or 4-byte lead, or three back a 4-byte lead, two continuations in a row
        // are required (0x80 set), and nowhere else.
        var third = Avx2.SubtractSaturate(prev2, Vector256.Create((byte)(0xE0 - 0x80)));
        var fourth = Avx2.SubtractSaturate(prev3, Vector256.Create((byte)(0xF0 - 0x80)));
        var must23 = (third | fourth) & Vector256.Create((byte)0x80);
        return must23 ^ special;
    }
}
