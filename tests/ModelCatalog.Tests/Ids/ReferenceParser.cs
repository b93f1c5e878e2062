using System.Text;

namespace ModelCatalog.Tests.Ids;

/// <summary>
/// An independent oracle for the grammar, written the slow and obvious way (one character at a time, straight from
/// the rules in DESIGN.md and the XML docs), to test the vectorised parser against.
/// </summary>
public static class ReferenceParser
{
    /// <summary>The expected error and position (UTF-16 code units) for <paramref name="text"/>.</summary>
    public static (UnifiedModelIdError Error, int Position) Check(string text)
    {
        if (text.Length == 0)
        {
            return (UnifiedModelIdError.Empty, 0);
        }

        int separator = text.IndexOf('/', StringComparison.Ordinal);
        if (separator < 0)
        {
            return (UnifiedModelIdError.MissingSeparator, text.Length);
        }

        if (separator == 0)
        {
            return (UnifiedModelIdError.EmptyProvider, 0);
        }

        for (int i = 0; i < separator; i++)
        {
            if (i == UnifiedModelId.MaxProviderIdLength)
            {
                return (UnifiedModelIdError.ProviderTooLong, i);
            }

            if (!IsProviderChar(text[i]))
            {
                return (UnifiedModelIdError.InvalidProviderCharacter, i);
            }
        }

        int start = separator + 1;
        if (start == text.Length)
        {
            return (UnifiedModelIdError.EmptyModelName, start);
        }

        for (int i = start; i < text.Length;)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            int width = pair ? 2 : 1;
            if (i - start + width > UnifiedModelId.MaxModelNameLength)
            {
                return (UnifiedModelIdError.ModelNameTooLong, i);
            }

            bool allowed = pair
                ? IsAllowed(new Rune(text[i], text[i + 1]))
                : !char.IsSurrogate(text[i]) && IsAllowed(new Rune(text[i]));
            if (!allowed)
            {
                return (UnifiedModelIdError.InvalidModelNameCharacter, i);
            }

            i += width;
        }

        return (UnifiedModelIdError.None, 0);
    }

    /// <summary>The UTF-8 byte offset of the UTF-16 position <paramref name="position"/> in <paramref name="text"/>.</summary>
    public static int Utf8Offset(string text, int position) => Encoding.UTF8.GetByteCount(text.AsSpan(0, position));

    /// <summary>Whether <paramref name="text"/> has no lone surrogate, so that it has a UTF-8 form.</summary>
    public static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsProviderChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';

    private static bool IsAllowed(Rune rune) => !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune);
}
