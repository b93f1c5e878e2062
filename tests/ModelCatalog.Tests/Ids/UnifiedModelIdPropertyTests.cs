using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Ids;

/// <summary>The laws of the ID, each checked on thousands of generated cases.</summary>
public sealed class UnifiedModelIdPropertyTests
{
    private const int Cases = 5_000;

    [Property(MaxTest = Cases)]
    public Property Formatting_valid_parts_and_parsing_the_text_gives_back_the_same_parts()
        => Prop.ForAll(Arb.From(IdGenerators.Parts), parts =>
        {
            var id = UnifiedModelId.Create(parts.ProviderId, parts.ModelName);
            string text = parts.ProviderId + "/" + parts.ModelName;

            Assert.Equal(text, id.ToString());
            Assert.Equal(text.Length, id.Length);
            var parsed = UnifiedModelId.Parse(id.ToString());
            Assert.Equal(id, parsed);
            Assert.Equal(parts.ProviderId, parsed.ProviderId);
            Assert.Equal(parts.ModelName, parsed.ModelName);
            Assert.True(parsed.ProviderIdSpan.SequenceEqual(parts.ProviderId));
            Assert.True(parsed.ModelNameSpan.SequenceEqual(parts.ModelName));
        });

    [Property(MaxTest = Cases)]
    public Property TryFormat_to_chars_then_parsing_the_chars_gives_back_the_id_and_a_short_buffer_writes_nothing()
        => Prop.ForAll(Arb.From(IdGenerators.ValidId), id =>
        {
            var buffer = new char[id.Length + 3];
            Assert.True(id.TryFormat(buffer, out int written));
            Assert.Equal(id.Length, written);
            Assert.Equal(id, UnifiedModelId.Parse(buffer.AsSpan(0, written)));

            Assert.False(id.TryFormat(buffer.AsSpan(0, id.Length - 1), out int shortWritten));
            Assert.Equal(0, shortWritten);
        });

    [Property(MaxTest = Cases)]
    public Property TryFormat_to_utf8_writes_the_utf8_of_the_text_and_parsing_it_gives_back_the_id()
        => Prop.ForAll(Arb.From(IdGenerators.ValidId), id =>
        {
            byte[] expected = Encoding.UTF8.GetBytes(id.ToString());
            var buffer = new byte[expected.Length + 3];
            Assert.True(id.TryFormat(buffer, out int written));
            Assert.Equal(expected, buffer.AsSpan(0, written).ToArray());

            Assert.True(UnifiedModelId.TryParse(buffer.AsSpan(0, written), out var parsed, out var error, out int position));
            Assert.Equal((UnifiedModelIdError.None, 0), (error, position));
            Assert.Equal(id, parsed);
            Assert.Equal(id.ProviderId, parsed.ProviderId);
            Assert.Equal(id.ModelName, parsed.ModelName);

            Assert.False(id.TryFormat(buffer.AsSpan(0, expected.Length - 1), out int shortWritten));
            Assert.Equal(0, shortWritten);
        });

    [Property(MaxTest = Cases)]
    public Property Text_parsing_agrees_with_the_reference_parser_on_every_input()
        => Prop.ForAll(Arb.From(IdGenerators.AnyText), text =>
        {
            var expected = ReferenceParser.Check(text);

            bool ok = UnifiedModelId.TryParse(text, out var id, out var error, out int position);

            Assert.Equal(expected, (error, position));
            Assert.Equal(expected.Error == UnifiedModelIdError.None, ok);
            Assert.Equal(ok ? text : string.Empty, id.ToString());
        });

    [Property(MaxTest = Cases)]
    public Property Char_and_utf8_parsing_agree_on_every_unicode_input_with_positions_mapped_to_byte_offsets()
        => Prop.ForAll(Arb.From(IdGenerators.UnicodeText), text =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);

            bool charOk = UnifiedModelId.TryParse(text.AsSpan(), out var fromChars, out var charError, out int charPosition);
            bool utf8Ok = UnifiedModelId.TryParse(utf8, out var fromUtf8, out var utf8Error, out int utf8Position);

            Assert.Equal(charOk, utf8Ok);
            Assert.Equal(charError, utf8Error);
            Assert.Equal(ReferenceParser.Utf8Offset(text, charPosition), utf8Position);
            Assert.Equal(fromChars, fromUtf8);
        });

    [Property(MaxTest = Cases)]
    public Property Utf8_parsing_of_any_bytes_agrees_with_char_parsing_of_their_text_when_they_are_valid_utf8()
        => Prop.ForAll(Arb.From(IdGenerators.AnyBytes), bytes =>
        {
            bool utf8Ok = UnifiedModelId.TryParse(bytes, out var fromUtf8, out var utf8Error, out int utf8Position);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                // Broken bytes never parse: a valid ID is ASCII up to the separator and decoded rune by rune after it.
                Assert.False(utf8Ok);
                Assert.NotEqual(UnifiedModelIdError.None, utf8Error);
                Assert.True(fromUtf8.IsEmpty);
                Assert.InRange(utf8Position, 0, bytes.Length);
                return;
            }

            string text = Encoding.UTF8.GetString(bytes);
            bool charOk = UnifiedModelId.TryParse(text, out var fromChars, out var charError, out int charPosition);
            Assert.Equal((charOk, charError, ReferenceParser.Utf8Offset(text, charPosition)), (utf8Ok, utf8Error, utf8Position));
            Assert.Equal(fromChars, fromUtf8);
        });

    [Property(MaxTest = Cases)]
    public Property TryParse_never_throws_on_arbitrary_strings_including_lone_surrogates()
        => Prop.ForAll(Arb.From(Gen.OneOf(IdGenerators.AnyText, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(c => new string(c)))), text =>
        {
            _ = UnifiedModelId.TryParse(text, out _);
            _ = UnifiedModelId.TryParse(text, out _, out _, out _);
            _ = UnifiedModelId.TryParse(text.AsSpan(), out _);
            _ = UnifiedModelId.TryParse(text.AsSpan(), out _, out _, out _);
            _ = UnifiedModelId.IsValidProviderId(text);
            _ = UnifiedModelId.IsValidModelName(text, out _, out _);
            _ = UnifiedModelId.TryCreate(text, text, out _);
        });

    [Property(MaxTest = Cases)]
    public Property TryParse_never_throws_on_arbitrary_bytes_including_invalid_utf8()
        => Prop.ForAll(Arb.From(IdGenerators.AnyBytes), bytes =>
        {
            _ = UnifiedModelId.TryParse(bytes, out _);
            _ = UnifiedModelId.TryParse(bytes, out _, out _, out _);
        });

    [Property(MaxTest = Cases)]
    public Property A_failed_parse_always_reports_a_reason_and_a_position_inside_the_input()
        => Prop.ForAll(Arb.From(IdGenerators.AnyText), text =>
        {
            if (!UnifiedModelId.TryParse(text, out var id, out var error, out int position))
            {
                Assert.NotEqual(UnifiedModelIdError.None, error);
                Assert.InRange(position, 0, text.Length);
                Assert.True(id.IsEmpty);
            }
        });

    [Property(MaxTest = Cases)]
    public Property Equal_ids_compare_as_zero_and_have_equal_hash_codes_and_unequal_ids_do_not_compare_as_zero()
        => Prop.ForAll(Arb.From(Gen.Two(IdGenerators.CollidingId)), pair =>
        {
            var (a, b) = pair;
            bool equal = a.Equals(b);

            Assert.Equal(equal, a.CompareTo(b) == 0);
            Assert.Equal(equal, a == b);
            Assert.Equal(!equal, a != b);
            Assert.Equal(equal, a.Equals((object)b));
            Assert.Equal(equal, string.Equals(a.ToString(), b.ToString(), StringComparison.Ordinal) && a.IsEmpty == b.IsEmpty);
            if (equal)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        });

    [Property(MaxTest = Cases)]
    public Property Ordering_is_antisymmetric_and_the_operators_agree_with_CompareTo()
        => Prop.ForAll(Arb.From(Gen.Two(IdGenerators.CollidingId)), pair =>
        {
            var (a, b) = pair;
            int ab = Math.Sign(a.CompareTo(b));

            Assert.Equal(-ab, Math.Sign(b.CompareTo(a)));
            Assert.Equal(ab, Math.Sign(a.CompareTo((object)b)));
            Assert.Equal(ab < 0, a < b);
            Assert.Equal(ab <= 0, a <= b);
            Assert.Equal(ab > 0, a > b);
            Assert.Equal(ab >= 0, a >= b);
        });

    [Property(MaxTest = Cases)]
    public Property Ordering_is_transitive()
        => Prop.ForAll(Arb.From(Gen.Three(IdGenerators.CollidingId)), triple =>
        {
            var (a, b, c) = triple;
            if (a <= b && b <= c)
            {
                Assert.True(a <= c);
            }

            if (a < b && b < c)
            {
                Assert.True(a < c);
            }
        });

    [Property(MaxTest = Cases)]
    public Property Ordering_is_by_provider_then_model_name_both_ordinal_with_no_id_first()
        => Prop.ForAll(Arb.From(Gen.Two(Gen.OneOf(IdGenerators.CollidingId, IdGenerators.ValidId))), pair =>
        {
            var (a, b) = pair;
            int expected = (a.IsEmpty, b.IsEmpty) switch
            {
                (true, true) => 0,
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a.ProviderId, b.ProviderId) is var byProvider and not 0
                    ? byProvider
                    : string.CompareOrdinal(a.ModelName, b.ModelName),
            };

            Assert.Equal(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
        });

    [Fact]
    public void Sorting_ids_sorts_by_provider_then_model_name()
    {
        var ids = new[] { "b/a", "a_b/z", "a/z", "a/b/c", "A/z", "a/b" }.Select(UnifiedModelId.Parse).Append(default).ToList();

        ids.Sort();

        Assert.Equal(["", "A/z", "a/b", "a/b/c", "a/z", "a_b/z", "b/a"], ids.Select(id => id.ToString()));
    }

    [Fact]
    public void A_one_megabyte_input_parses_or_fails_without_exception()
    {
        const int size = 1 << 20;
        string longName = "openai/" + new string('a', size);
        string longProvider = new string('a', size) + "/x";
        string noSeparator = new string('a', size);
        string wideName = "openai/" + string.Concat(Enumerable.Repeat("é", size / 2));
        string slashes = new('/', size);

        Assert.Equal((UnifiedModelIdError.ModelNameTooLong, 7 + 256), Reason(longName));
        Assert.Equal((UnifiedModelIdError.ProviderTooLong, 64), Reason(longProvider));
        Assert.Equal((UnifiedModelIdError.MissingSeparator, size), Reason(noSeparator));
        Assert.Equal((UnifiedModelIdError.ModelNameTooLong, 7 + 256), Reason(wideName));
        Assert.Equal((UnifiedModelIdError.EmptyProvider, 0), Reason(slashes));

        Assert.False(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(longName), out _, out var error, out int position));
        Assert.Equal((UnifiedModelIdError.ModelNameTooLong, 7 + 256), (error, position));
        Assert.False(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(wideName), out _, out error, out position));
        Assert.Equal((UnifiedModelIdError.ModelNameTooLong, 7 + 512), (error, position));
        Assert.False(UnifiedModelId.TryParse(new byte[size], out _, out error, out _));
        Assert.Equal(UnifiedModelIdError.MissingSeparator, error);

        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(longName));
        Assert.True(exception.Message.Length < 500, "The message quotes a bounded prefix of the input, not 1 MB.");

        static (UnifiedModelIdError, int) Reason(string text)
        {
            Assert.False(UnifiedModelId.TryParse(text, out _, out var error, out int position));
            return (error, position);
        }
    }
}
