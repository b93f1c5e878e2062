using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// The one validator behind every parse overload. Text (UTF-16) and UTF-8 inputs follow the same rules in the same
/// order, so both report the same error at the same character; positions are in the input's own units.
/// </summary>
internal static class UnifiedModelIdParser
{
    private static readonly SearchValues<char> ProviderChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly SearchValues<byte> ProviderBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"u8);

    // Printable ASCII without space ('!'..'~'): the common case for model names, checked in bulk by vectorised search.
    // SearchValues rather than the generic IndexOfAnyExceptInRange<T>: that one is JIT-compiled on first use and its
    // unoptimised (tier-0) code boxes its bounds, 96 bytes a call until tiering catches up; SearchValues is precompiled.
    private static readonly SearchValues<char> PlainAsciiChars = SearchValues.Create(PlainAscii());

    private static readonly SearchValues<byte> PlainAsciiBytes = SearchValues.Create(Encoding.ASCII.GetBytes(PlainAscii()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnifiedModelIdError Validate(ReadOnlySpan<char> input, out int separator, out int position)
    {
        var error = SplitProvider(input, ProviderChars, '/', out separator, out position);
        if (error != UnifiedModelIdError.None)
        {
            return error;
        }

        error = ValidateModelName(input[(separator + 1)..], out position);
        position = error == UnifiedModelIdError.None ? 0 : position + separator + 1;
        return error;
    }

    public static UnifiedModelIdError Validate(ReadOnlySpan<byte> input, out int separator, out int position)
    {
        var error = SplitProvider(input, ProviderBytes, (byte)'/', out separator, out position);
        if (error != UnifiedModelIdError.None)
        {
            return error;
        }

        error = ValidateModelName(input[(separator + 1)..], out position);
        position = error == UnifiedModelIdError.None ? 0 : position + separator + 1;
        return error;
    }

    // Finds the separator and checks the provider ID in one scan: the first character outside the provider
    // alphabet is either the separator (the common case) or an error. Only on that error path is the rest searched
    // for a '/', because a missing separator is reported before a bad provider character ("gpt-4o" is missing a '/').
    // Specialised per element type by the JIT, so text and UTF-8 share one definition of the rules.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UnifiedModelIdError SplitProvider<T>(ReadOnlySpan<T> input, SearchValues<T> providerChars, T slash, out int separator, out int position)
        where T : unmanaged, IBinaryInteger<T>
    {
        const int max = UnifiedModelId.MaxProviderIdLength;
        // Stryker disable once Unary : the separator is read only when no error is returned, and every path that returns None sets it.
        separator = -1;
        position = 0;
        if (input.IsEmpty)
        {
            return UnifiedModelIdError.Empty;
        }

        // Text takes a vectorised path (checked against the same rules by the tests' reference parser); the JIT keeps
        // one branch per instantiation.
        // Stryker disable once Conditional : the generic scalar scan finds the same first index as the vectorised one; only speed differs.
        int first = typeof(T) == typeof(char)
            ? FirstNonProviderUtf16(MemoryMarshal.Cast<T, char>(input))
            : FirstNonProviderChar(input, providerChars);
        if (first >= 0 && input[first] == slash)
        {
            separator = first;
            if (first == 0)
            {
                return UnifiedModelIdError.EmptyProvider;
            }

            if (first > max)
            {
                position = max;
                return UnifiedModelIdError.ProviderTooLong;
            }

            return UnifiedModelIdError.None;
        }

        int slashAfter = first < 0 ? -1 : input[first..].IndexOf(slash);
        // Stryker disable once Equality : slashAfter is never 0, since a first character that is the slash returned above.
        if (slashAfter < 0)
        {
            position = input.Length;
            return UnifiedModelIdError.MissingSeparator;
        }

        // The provider has a character outside the alphabet: whichever comes first, it or the length bound, is the error.
        // Stryker disable once Arithmetic : this path returns an error, and the separator is read only on success.
        separator = first + slashAfter;
        position = Math.Min(first, max);
        return first < max ? UnifiedModelIdError.InvalidProviderCharacter : UnifiedModelIdError.ProviderTooLong;
    }

    // Provider IDs are short, and for a handful of characters a table lookup each beats the set-up of a vectorised
    // search; past the 64-character bound (broken or hostile input) the vectorised search takes over.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstNonProviderChar<T>(ReadOnlySpan<T> input, SearchValues<T> providerChars)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<byte> table = ProviderTable;
        // Stryker disable once Arithmetic : a shorter table scan hands over to the vectorised search of the rest, which finds the same index.
        int limit = Math.Min(input.Length, UnifiedModelId.MaxProviderIdLength + 1);
        for (int i = 0; i < limit; i++)
        {
            uint c = uint.CreateTruncating(input[i]);
            if (c >= (uint)table.Length || table[(int)c] == 0)
            {
                return i;
            }
        }

        int rest = input[limit..].IndexOfAnyExcept(providerChars);
        // Stryker disable once Conditional : rest < 0 means no character outside the alphabet, so limit - 1 is a provider character and the caller reports the missing separator either way.
        return rest < 0 ? -1 : limit + rest;
    }

    // Eight characters at a time: [A-Za-z] as (c | 0x20) - 'a' <= 25 (unsigned, so anything below wraps around),
    // [0-9] as c - '0' <= 9, and '_'. The first lane that is none of these is the separator or an error.
    private static int FirstNonProviderUtf16(ReadOnlySpan<char> input)
    {
        // Stryker disable once Arithmetic : a shorter table scan hands over to the vectorised search of the rest, which finds the same index.
        int limit = Math.Min(input.Length, UnifiedModelId.MaxProviderIdLength + 1);
        int i = 0;
        if (
            // Stryker disable once Boolean : without the vectorised loop the scalar loop checks the same characters; only speed differs.
            Vector128.IsHardwareAccelerated)
        {
            var units = MemoryMarshal.Cast<char, ushort>(input);
            var caseBit = Vector128.Create((ushort)0x20);
            var lowerA = Vector128.Create((ushort)'a');
            var letters = Vector128.Create((ushort)('z' - 'a'));
            var zero = Vector128.Create((ushort)'0');
            var digits = Vector128.Create((ushort)('9' - '0'));
            var underscore = Vector128.Create((ushort)'_');
            for (;
                // Stryker disable once Equality : a block ending exactly at the limit is then checked by the scalar tail, with the same result.
                i + Vector128<ushort>.Count <= limit;
                i += Vector128<ushort>.Count)
            {
                var c = Vector128.Create(units.Slice(i, Vector128<ushort>.Count));
                var ok = Vector128.LessThanOrEqual((c | caseBit) - lowerA, letters)
                    | Vector128.LessThanOrEqual(c - zero, digits)
                    | Vector128.Equals(c, underscore);
                uint bad = ~Vector128.ExtractMostSignificantBits(ok) & 0xFF;
                if (bad != 0)
                {
                    return i + BitOperations.TrailingZeroCount(bad);
                }
            }
        }

        ReadOnlySpan<byte> table = ProviderTable;
        for (; i < limit; i++)
        {
            uint c = input[i];
            if (c >= (uint)table.Length || table[(int)c] == 0)
            {
                return i;
            }
        }

        int rest = input[limit..].IndexOfAnyExcept(ProviderChars);
        // Stryker disable once Conditional : rest < 0 means no character outside the alphabet, so limit - 1 is a provider character and the caller reports the missing separator either way.
        return rest < 0 ? -1 : limit + rest;
    }

    // 1 for the ASCII characters of a provider ID: [A-Za-z0-9_].
    private static ReadOnlySpan<byte> ProviderTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    public static UnifiedModelIdError ValidateProviderId(ReadOnlySpan<char> provider, out int position)
    {
        int invalid = provider.IndexOfAnyExcept(ProviderChars);
        return ProviderResult(provider.Length, invalid, out position);
    }

    // Whichever comes first wins: an invalid character within the allowed length, or the length bound itself.
    private static UnifiedModelIdError ProviderResult(int length, int invalid, out int position)
    {
        if (length == 0)
        {
            position = 0;
            return UnifiedModelIdError.EmptyProvider;
        }

        if (invalid >= 0 && invalid < UnifiedModelId.MaxProviderIdLength)
        {
            position = invalid;
            return UnifiedModelIdError.InvalidProviderCharacter;
        }

        if (length > UnifiedModelId.MaxProviderIdLength)
        {
            position = UnifiedModelId.MaxProviderIdLength;
            return UnifiedModelIdError.ProviderTooLong;
        }

        position = 0;
        return UnifiedModelIdError.None;
    }

    public static UnifiedModelIdError ValidateModelName(ReadOnlySpan<char> name, out int position)
    {
        const int max = UnifiedModelId.MaxModelNameLength;
        if (name.IsEmpty)
        {
            position = 0;
            return UnifiedModelIdError.EmptyModelName;
        }

        // Stryker disable once Equality,Block : the fast path only saves time; the full check below accepts exactly the same names.
        if (name.Length <= ShortName && IsPlainAscii(name))
        {
            position = 0;
            return UnifiedModelIdError.None;
        }

        int i = 0;
        while (true)
        {
            // Scanning stops one past the bound: a 1 MB name costs no more than a 257-character one.
            var window = name[i..Math.Min(name.Length, max + 1)];
            int run = window.IndexOfAnyExcept(PlainAsciiChars);
            int end = i + (run < 0 ? window.Length : run);
            if (end > max)
            {
                position = Math.Max(i, max);
                return UnifiedModelIdError.ModelNameTooLong;
            }

            i = end;
            if (i == name.Length)
            {
                position = 0;
                return UnifiedModelIdError.None;
            }

            char c = name[i];
            int length = 1;
            bool valid;
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                length = 2;
                valid = IsAllowed(new Rune(c, name[i + 1]));
            }
            else
            {
                valid = !char.IsSurrogate(c) && IsAllowed(new Rune(c));
            }

            if (i + length > max)
            {
                position = i;
                return UnifiedModelIdError.ModelNameTooLong;
            }

            if (!valid)
            {
                position = i;
                return UnifiedModelIdError.InvalidModelNameCharacter;
            }

            i += length;
            // Stryker disable once Block : without it the loop runs once more on an empty window and returns None at the same check.
            if (i == name.Length)
            {
                position = 0;
                return UnifiedModelIdError.None;
            }
        }
    }

    public static UnifiedModelIdError ValidateModelName(ReadOnlySpan<byte> name, out int position)
    {
        const int max = UnifiedModelId.MaxModelNameLength;
        if (name.IsEmpty)
        {
            position = 0;
            return UnifiedModelIdError.EmptyModelName;
        }

        // Stryker disable once Equality,Block : the fast path only saves time; the full check below accepts exactly the same names.
        if (name.Length <= ShortName && IsPlainAscii(name))
        {
            position = 0;
            return UnifiedModelIdError.None;
        }

        int i = 0;       // bytes consumed
        int units = 0;   // UTF-16 code units consumed, so the length bound means the same as for text
        while (true)
        {
            int room = max - units;
            var window = name[i..Math.Min(name.Length, i + room + 1)];
            int run = window.IndexOfAnyExcept(PlainAsciiBytes);
            int end = i + (run < 0 ? window.Length : run);
            if (end - i > room)
            {
                position = i + room;
                return UnifiedModelIdError.ModelNameTooLong;
            }

            units += end - i;
            i = end;
            if (i == name.Length)
            {
                position = 0;
                return UnifiedModelIdError.None;
            }

            // Whatever comes next adds at least one UTF-16 code unit: at the bound, the name is too long before its
            // next bytes are even decoded, as in the text parser (which checks the length before the character).
            if (units == max)
            {
                position = i;
                return UnifiedModelIdError.ModelNameTooLong;
            }

            if (Rune.DecodeFromUtf8(name[i..], out Rune rune, out int consumed) != OperationStatus.Done)
            {
                position = i;
                return UnifiedModelIdError.InvalidUtf8;
            }

            if (units + rune.Utf16SequenceLength > max)
            {
                position = i;
                return UnifiedModelIdError.ModelNameTooLong;
            }

            if (!IsAllowed(rune))
            {
                position = i;
                return UnifiedModelIdError.InvalidModelNameCharacter;
            }

            units += rune.Utf16SequenceLength;
            i += consumed;
            // Stryker disable once Block : without it the loop runs once more on an empty window and returns None at the same check.
            if (i == name.Length)
            {
                position = 0;
                return UnifiedModelIdError.None;
            }
        }
    }

    // Up to this length a plain loop checks a model name faster than a vectorised search is set up; a name that is not
    // all printable ASCII goes on to the full check, which finds and explains the first offending character.
    private const int ShortName = 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainAscii<T>(ReadOnlySpan<T> name)
        where T : unmanaged, IBinaryInteger<T>
    {
        foreach (T c in name)
        {
            // Stryker disable once Equality : a name sent to the full check by a '~' is accepted there too; only speed differs.
            if (uint.CreateTruncating(c) - '!' > '~' - '!')
            {
                return false;
            }
        }

        return true;
    }

    // Stryker disable once Arithmetic : without '~' in the bulk set the rune check accepts '~' one character at a time, with the same result.
    private static string PlainAscii() => string.Create('~' - '!' + 1, 0, static (chars, _) =>
    {
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('!' + i);
        }
    });

    private static bool IsAllowed(Rune rune) => !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune);

    /// <summary>The input as an error message quotes it: at most 120 characters, escaped (<see cref="Internal.TextExcerpt"/>).</summary>
    public static string Quote(ReadOnlySpan<char> input) => Internal.TextExcerpt.Quote(input, 120);
}
