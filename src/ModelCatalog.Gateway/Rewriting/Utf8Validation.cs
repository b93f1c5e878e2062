using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ModelCatalog.Gateway;

/// <summary>Finds the first ill-formed UTF-8 byte.</summary>
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
}
