using System.Text;
using System.Text.Unicode;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ModelCatalog.Gateway.Tests.Rewriting;

/// <summary>The vectorised UTF-8 check against the BCL's <see cref="Utf8.IsValid"/>, the independent oracle.</summary>
public class Utf8ValidationTests
{
    // Pieces that meet at every offset of a 32-byte block: valid characters of each length and the bytes where
    // validators go wrong (overlongs, surrogates, above U+10FFFF, stray continuations, truncated leads).
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "{\"x\":1}"u8.ToArray(), "é"u8.ToArray(), "ß"u8.ToArray(), "€"u8.ToArray(), "日本"u8.ToArray(),
        "😀"u8.ToArray(), "\U0010FFFF"u8.ToArray(), "\uFFFF"u8.ToArray(), "\uD7FF"u8.ToArray(), "\uE000"u8.ToArray(),
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        [0xC2, 0xC2], [0xE2, 0x82, 0xAC, 0xAC],
    ];

    private static readonly Gen<byte[]> Documents =
        Gen.Sized(size => Gen.ListOf(Gen.Frequency(
                (12, Gen.Elements(Pieces.Take(11).ToArray())),
                (1, Gen.Elements(Pieces.Skip(11).ToArray())),
                (6, Gen.Constant(Encoding.UTF8.GetBytes(new string('x', 29))))),
                Math.Max(1, size * 3))
            .Select(list => list.SelectMany(static p => p).ToArray()));

    [Property(MaxTest = 20_000)]
    public Property The_vectorised_check_agrees_with_the_BCL_on_every_document()
        => Prop.ForAll(Arb.From(Documents), bytes => Assert.Equal(Utf8.IsValid(bytes), Utf8Validation.IsValid(bytes)));

    [Property(MaxTest = 2_000)]
    public Property The_reported_offset_is_where_decoding_first_fails()
        => Prop.ForAll(Arb.From(Documents), bytes =>
        {
            var expected = -1;
            for (var offset = 0; offset < bytes.Length;)
            {
                if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    expected = offset;
                    break;
                }

                offset += consumed;
            }

            Assert.Equal(expected, Utf8Validation.IndexOfInvalid(bytes));
        });

    [Fact]
    public void Every_bad_piece_is_caught_at_every_offset_of_a_block_and_every_good_one_passes()
    {
        var filler = Encoding.UTF8.GetBytes(new string('é', 40));
        foreach (var piece in Pieces)
        {
            for (var at = 0; at < 70; at++)
            {
                byte[] bytes = [.. filler.AsSpan(0, at & ~1), .. piece, .. "é"u8, .. filler.AsSpan(0, 2 * (at % 5))];
                Assert.Equal(Utf8.IsValid(bytes), Utf8Validation.IsValid(bytes));

                // At the very end too: a truncated lead must not pass because the data stops.
                byte[] ending = [.. filler.AsSpan(0, at & ~1), .. piece];
                Assert.Equal(Utf8.IsValid(ending), Utf8Validation.IsValid(ending));
            }
        }
    }
}
