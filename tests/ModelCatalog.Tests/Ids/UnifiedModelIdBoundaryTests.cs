using System.Text;

namespace ModelCatalog.Tests.Ids;

/// <summary>
/// The parser at its bounds: the 64-character provider limit, an invalid character at every position of the provider
/// (so at the first and last lane of each vectorised block and in the scalar tail), the separator's position, and model
/// names on both sides of the short-name fast path. Every expectation follows from the grammar, written out by hand.
/// </summary>
public sealed class UnifiedModelIdBoundaryTests
{
    private const int Max = UnifiedModelId.MaxProviderIdLength;

    /// <summary>
    /// Characters outside <c>[A-Za-z0-9_]</c> next to its edges in the ASCII table, U+0080 (one past the lookup table),
    /// and wider characters whose low bits look like letters or digits.
    /// </summary>
    public static TheoryData<char> InvalidProviderChars => new()
    {
        '\0', ' ', '-', ':', '@', '[', '`', '{', '\u007F', '\u0080', '\u00E9', '\u0141', '\u0161', '\u0130', '\u1030', '\uFF21',
    };

    /// <summary>Provider lengths around every block size the parser may use, and around the 64-character bound.</summary>
    public static TheoryData<int> ProviderLengths => new() { 1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 56, 63, 64, 65, 66, 72, 80 };

    [Theory]
    [MemberData(nameof(ProviderLengths))]
    public void A_provider_of_any_valid_length_splits_at_the_first_slash(int length)
    {
        string provider = Letters(length);
        string text = provider + "/m/n";

        bool parsed = UnifiedModelId.TryParse(text, out var id, out var error, out int position);
        bool parsedUtf8 = UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8, out var utf8Error, out int utf8Position);

        if (length <= Max)
        {
            Assert.True(parsed);
            Assert.Equal((provider, "m/n"), (id.ProviderId, id.ModelName));
            Assert.True(parsedUtf8);
            Assert.Equal(id, fromUtf8);
        }
        else
        {
            Assert.Equal((false, UnifiedModelIdError.ProviderTooLong, Max), (parsed, error, position));
            Assert.Equal((false, UnifiedModelIdError.ProviderTooLong, Max), (parsedUtf8, utf8Error, utf8Position));
        }
    }

    [Theory]
    [MemberData(nameof(ProviderLengths))]
    public void A_provider_without_a_slash_is_missing_the_separator_at_the_end(int length)
    {
        string text = Letters(length);

        Assert.False(UnifiedModelId.TryParse(text, out _, out var error, out int position));
        Assert.Equal((UnifiedModelIdError.MissingSeparator, length), (error, position));
        Assert.False(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out _, out error, out position));
        Assert.Equal((UnifiedModelIdError.MissingSeparator, length), (error, position));
    }

    [Theory]
    [MemberData(nameof(InvalidProviderChars))]
    public void An_invalid_provider_character_is_reported_where_it_is_up_to_the_length_bound(char bad)
    {
        foreach (int length in new[] { 1, 8, 9, 16, 17, 33, 64, 65, 70 })
        {
            for (int at = 0; at < length; at++)
            {
                string provider = Letters(at) + bad + Letters(length - at - 1);
                string text = provider + "/x";
                var expected = at < Max ? (UnifiedModelIdError.InvalidProviderCharacter, at) : (UnifiedModelIdError.ProviderTooLong, Max);

                Assert.False(UnifiedModelId.TryParse(text, out _, out var error, out int position), text);
                Assert.Equal(expected, (error, position));
                Assert.False(UnifiedModelId.TryParse(text.AsSpan(), out _, out error, out position), text);
                Assert.Equal(expected, (error, position));

                // The characters before the bad one are ASCII, so its byte offset is its character index.
                Assert.False(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out _, out error, out position), text);
                Assert.Equal(expected, (error, position));

                Assert.False(UnifiedModelId.IsValidProviderId(provider, out error, out position), provider);
                Assert.Equal(expected, (error, position));
            }
        }
    }

    [Fact]
    public void A_provider_at_the_length_bound_is_valid_and_one_more_character_is_too_long()
    {
        Assert.True(UnifiedModelId.IsValidProviderId(Letters(Max), out var error, out int position));
        Assert.Equal((UnifiedModelIdError.None, 0), (error, position));
        Assert.False(UnifiedModelId.IsValidProviderId(Letters(Max + 1), out error, out position));
        Assert.Equal((UnifiedModelIdError.ProviderTooLong, Max), (error, position));
        Assert.False(UnifiedModelId.IsValidProviderId(Letters(Max) + "-", out error, out position));
        Assert.Equal((UnifiedModelIdError.ProviderTooLong, Max), (error, position));
        Assert.False(UnifiedModelId.IsValidProviderId("", out error, out position));
        Assert.Equal((UnifiedModelIdError.EmptyProvider, 0), (error, position));
    }

    [Fact]
    public void Create_names_the_reason_and_the_position_of_a_bad_provider_id()
    {
        var exception = Assert.Throws<ArgumentException>("providerId", () => UnifiedModelId.Create("-ab", "x"));

        Assert.Equal(
            "Invalid provider ID '-ab': the provider ID has an invalid character at position 0 (allowed: A-Z, a-z, 0-9 and '_'). (Parameter 'providerId')",
            exception.Message);
    }

    [Fact]
    public void An_invalid_character_after_a_long_valid_provider_run_is_found_past_the_length_bound()
    {
        // 100 valid characters, then one that is neither valid nor the separator: the bound is what is reported.
        string text = Letters(100) + "-b/x";

        Assert.False(UnifiedModelId.TryParse(text, out _, out var error, out int position));
        Assert.Equal((UnifiedModelIdError.ProviderTooLong, Max), (error, position));
        Assert.False(UnifiedModelId.TryParse(Letters(100) + "-b", out _, out error, out position));
        Assert.Equal((UnifiedModelIdError.MissingSeparator, 102), (error, position));
    }

    /// <summary>Model name lengths below, at and above the short-name fast path (24), and a long one.</summary>
    public static TheoryData<int> NameLengths => new() { 1, 2, 23, 24, 25, 40, 100 };

    [Theory]
    [MemberData(nameof(NameLengths))]
    public void A_bad_model_name_character_is_reported_where_it_is_in_text_and_in_utf8(int length)
    {
        foreach (char bad in " \t\u0085\u00A0\u2028\u007F")
        {
            for (int at = 0; at < length; at++)
            {
                string text = "openai/" + new string('~', at) + bad + new string('!', length - at - 1);

                Assert.False(UnifiedModelId.TryParse(text, out _, out var error, out int position), text);
                Assert.Equal((UnifiedModelIdError.InvalidModelNameCharacter, 7 + at), (error, position));

                // Everything before the bad character is ASCII: its byte offset is its character index.
                Assert.False(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out _, out error, out position), text);
                Assert.Equal((UnifiedModelIdError.InvalidModelNameCharacter, 7 + at), (error, position));
            }
        }
    }

    [Theory]
    [MemberData(nameof(NameLengths))]
    public void A_model_name_of_printable_ascii_and_non_ascii_characters_is_valid(int length)
    {
        foreach (string name in new[] { new string('~', length), new string('!', length), "é" + new string('a', length), new string('a', length) + "😀" })
        {
            string text = "p/" + name;

            Assert.True(UnifiedModelId.TryParse(text, out var id), text);
            Assert.Equal(name, id.ModelName);
            Assert.True(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8), text);
            Assert.Equal(id, fromUtf8);
        }
    }

    private static string Letters(int count)
    {
        // Cycles through every class of provider character so that each lane of a block sees letters, digits and '_'.
        const string alphabet = "aZ0_zA9b";
        return string.Create(count, 0, static (chars, _) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[i % alphabet.Length];
            }
        });
    }
}
