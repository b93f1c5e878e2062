using System.Buffers;
using System.Globalization;
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

    // Printable ASCII without space: the common case for model names, checked in bulk by vectorised search.
    private const char FirstPlainAscii = '!';
    private const char LastPlainAscii = '~';

    public static UnifiedModelIdError Validate(ReadOnlySpan<char> input, out int separator, out int position)
    {
        separator = -1;
        if (input.IsEmpty)
        {
            position = 0;
            return UnifiedModelIdError.Empty;
        }

        separator = input.IndexOf('/');
        if (separator < 0)
        {
            position = input.Length;
            return UnifiedModelIdError.MissingSeparator;
        }

        var error = ValidateProviderId(input[..separator], out position);
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
        separator = -1;
        if (input.IsEmpty)
        {
            position = 0;
            return UnifiedModelIdError.Empty;
        }

        separator = input.IndexOf((byte)'/');
        if (separator < 0)
        {
            position = input.Length;
            return UnifiedModelIdError.MissingSeparator;
        }

        var error = ValidateProviderId(input[..separator], out position);
        if (error != UnifiedModelIdError.None)
        {
            return error;
        }

        error = ValidateModelName(input[(separator + 1)..], out position);
        position = error == UnifiedModelIdError.None ? 0 : position + separator + 1;
        return error;
    }

    public static UnifiedModelIdError ValidateProviderId(ReadOnlySpan<char> provider, out int position)
    {
        int invalid = provider.IndexOfAnyExcept(ProviderChars);
        return ProviderResult(provider.Length, invalid, out position);
    }

    public static UnifiedModelIdError ValidateProviderId(ReadOnlySpan<byte> provider, out int position)
    {
        int invalid = provider.IndexOfAnyExcept(ProviderBytes);
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

        int i = 0;
        while (true)
        {
            int run = name[i..].IndexOfAnyExceptInRange(FirstPlainAscii, LastPlainAscii);
            int end = run < 0 ? name.Length : i + run;
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

        int i = 0;       // bytes consumed
        int units = 0;   // UTF-16 code units consumed, so the length bound means the same as for text
        while (true)
        {
            int run = name[i..].IndexOfAnyExceptInRange((byte)FirstPlainAscii, (byte)LastPlainAscii);
            int end = run < 0 ? name.Length : i + run;
            if (units + (end - i) > max)
            {
                position = i + Math.Max(0, max - units);
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
            if (i == name.Length)
            {
                position = 0;
                return UnifiedModelIdError.None;
            }
        }
    }

    private static bool IsAllowed(Rune rune) => !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune);

    /// <summary>
    /// The input as it may be quoted in an error message: at most 120 characters (a hostile 1 MB value must not land
    /// in a log line whole, and the cut never splits a surrogate pair), with control, white-space other than the
    /// space, and unpaired surrogate characters written as <c>\uXXXX</c> so that the message stays one readable line.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> input)
    {
        const int shown = 120;
        bool cut = input.Length > shown;
        if (cut)
        {
            input = input[..(char.IsHighSurrogate(input[shown - 1]) ? shown - 1 : shown)];
        }

        var builder = new StringBuilder(input.Length + 8);
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]);
            if (pair)
            {
                builder.Append(c).Append(input[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' '))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }
}
