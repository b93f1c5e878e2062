using System.Text;

namespace ModelCatalog.Tests.Ids;

/// <summary>The grammar as a table: every input in <see cref="Notation"/>, with its reason and position.</summary>
public sealed class UnifiedModelIdParseTests
{
    /// <summary>Invalid text: notation, reason, position in UTF-16 code units.</summary>
    public static TheoryData<string, UnifiedModelIdError, int> InvalidText => new()
    {
        { "", UnifiedModelIdError.Empty, 0 },
        { "gpt-4o", UnifiedModelIdError.MissingSeparator, 6 },
        { "/x", UnifiedModelIdError.EmptyProvider, 0 },
        { "/", UnifiedModelIdError.EmptyProvider, 0 },
        { "openai/", UnifiedModelIdError.EmptyModelName, 7 },
        { "open-ai/x", UnifiedModelIdError.InvalidProviderCharacter, 4 },
        { "open ai/x", UnifiedModelIdError.InvalidProviderCharacter, 4 },
        { " openai/x", UnifiedModelIdError.InvalidProviderCharacter, 0 },
        { "op\\u00E9nai/x", UnifiedModelIdError.InvalidProviderCharacter, 2 },
        { "openai:eu/x", UnifiedModelIdError.InvalidProviderCharacter, 6 },
        { "{a*65}/x", UnifiedModelIdError.ProviderTooLong, 64 },
        { "{a*1000}/x", UnifiedModelIdError.ProviderTooLong, 64 },
        { "{a*63}-{a*10}/x", UnifiedModelIdError.InvalidProviderCharacter, 63 },
        { "{a*64}-/x", UnifiedModelIdError.ProviderTooLong, 64 },
        { "openai/gpt 4o", UnifiedModelIdError.InvalidModelNameCharacter, 10 },
        { "openai/gpt-4o ", UnifiedModelIdError.InvalidModelNameCharacter, 13 },
        { "openai/ gpt-4o", UnifiedModelIdError.InvalidModelNameCharacter, 7 },
        { "openai/gpt-4o\\u000A", UnifiedModelIdError.InvalidModelNameCharacter, 13 },
        { "openai/gpt\\u0009", UnifiedModelIdError.InvalidModelNameCharacter, 10 },
        { "openai/\\u0000", UnifiedModelIdError.InvalidModelNameCharacter, 7 },
        { "openai/a\\u007F", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/a\\u0085", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/a\\u00A0b", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/a\\u2028", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/a\\u3000", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/\\uD800", UnifiedModelIdError.InvalidModelNameCharacter, 7 },
        { "openai/\\uDC00x", UnifiedModelIdError.InvalidModelNameCharacter, 7 },
        { "openai/x\\uD83D", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/x\\uDE00\\uD83D", UnifiedModelIdError.InvalidModelNameCharacter, 8 },
        { "openai/\\uD83D\\uD83D\\uDE00", UnifiedModelIdError.InvalidModelNameCharacter, 7 },
        { "openai/{a*257}", UnifiedModelIdError.ModelNameTooLong, 263 },
        { "openai/{a*300} b", UnifiedModelIdError.ModelNameTooLong, 263 },
        { "openai/{a*100} {a*300}", UnifiedModelIdError.InvalidModelNameCharacter, 107 },
        { "openai/{a*256} ", UnifiedModelIdError.ModelNameTooLong, 263 },
        { "openai/{\\u00E9*257}", UnifiedModelIdError.ModelNameTooLong, 263 },
        { "openai/{a*255}\\uD83D\\uDE00", UnifiedModelIdError.ModelNameTooLong, 262 },
        { "openai/{a*10}\\u00E9{a*250}", UnifiedModelIdError.ModelNameTooLong, 263 },
    };

    /// <summary>Valid text: notation, provider ID, model name.</summary>
    public static TheoryData<string, string, string> ValidText => new()
    {
        { "openai/gpt-4o", "openai", "gpt-4o" },
        { "a/b/c", "a", "b/c" },
        { "a//", "a", "/" },
        { "_/x", "_", "x" },
        { "OpenAI/GPT-4o", "OpenAI", "GPT-4o" },
        { "openrouter/meta-llama/llama-3.1-70b-instruct", "openrouter", "meta-llama/llama-3.1-70b-instruct" },
        { "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0" },
        { "azure/gpt-4o@2024-08-06", "azure", "gpt-4o@2024-08-06" },
        { "ollama/llama3:8b", "ollama", "llama3:8b" },
        { "vertex_ai/gemini-1.5-pro", "vertex_ai", "gemini-1.5-pro" },
        { "local/mod\\u00E8le-\\u4E2D\\uD83D\\uDE00", "local", "mod\\u00E8le-\\u4E2D\\uD83D\\uDE00" },
        { "x/\\uFEFF\\uFFFF\\uFFFD", "x", "\\uFEFF\\uFFFF\\uFFFD" },
        { "{a*64}/x", "{a*64}", "x" },
        { "openai/{a*256}", "openai", "{a*256}" },
        { "openai/{\\u00E9*256}", "openai", "{\\u00E9*256}" },
        { "openai/{a*254}\\uD83D\\uDE00", "openai", "{a*254}\\uD83D\\uDE00" },
    };

    /// <summary>Invalid UTF-8: notation with raw bytes, reason, byte position.</summary>
    public static TheoryData<string, UnifiedModelIdError, int> InvalidUtf8 => new()
    {
        { "openai/\\xFF", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/a\\xC3", UnifiedModelIdError.InvalidUtf8, 8 },
        { "openai/a\\xC3a", UnifiedModelIdError.InvalidUtf8, 8 },
        { "openai/\\x80", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/\\xC0\\xAF", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/\\xED\\xA0\\x80", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/\\xF4\\x90\\x80\\x80", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/\\xF0\\x9F\\x98", UnifiedModelIdError.InvalidUtf8, 7 },
        { "openai/{a*256}\\xFF", UnifiedModelIdError.ModelNameTooLong, 263 },
        { "openai/{a*255}\\xFF", UnifiedModelIdError.InvalidUtf8, 262 },
        { "open\\xFF/x", UnifiedModelIdError.InvalidProviderCharacter, 4 },
        { "\\xC3\\xA9/x", UnifiedModelIdError.InvalidProviderCharacter, 0 },
        { "\\xFF\\xFE", UnifiedModelIdError.MissingSeparator, 2 },
    };

    [Theory]
    [MemberData(nameof(InvalidText))]
    public void TryParse_of_invalid_text_reports_the_reason_and_position(string notation, UnifiedModelIdError error, int position)
    {
        string text = Notation.Text(notation);

        Assert.False(UnifiedModelId.TryParse(text, out var id, out var actualError, out int actualPosition));
        Assert.Equal((error, position), (actualError, actualPosition));
        Assert.True(id.IsEmpty);
        Assert.False(UnifiedModelId.TryParse(text, out _));
    }

    [Theory]
    [MemberData(nameof(InvalidText))]
    public void TryParse_of_invalid_chars_reports_the_same_reason_and_position_as_text(string notation, UnifiedModelIdError error, int position)
    {
        string text = Notation.Text(notation);

        Assert.False(UnifiedModelId.TryParse(text.AsSpan(), out var id, out var actualError, out int actualPosition));
        Assert.Equal((error, position), (actualError, actualPosition));
        Assert.True(id.IsEmpty);
        Assert.False(UnifiedModelId.TryParse(text.AsSpan(), out _));
    }

    [Theory]
    [MemberData(nameof(InvalidText))]
    public void The_reference_parser_agrees_with_every_invalid_row(string notation, UnifiedModelIdError error, int position)
        => Assert.Equal((error, position), ReferenceParser.Check(Notation.Text(notation)));

    [Theory]
    [MemberData(nameof(InvalidText))]
    public void TryParse_of_invalid_utf8_text_reports_the_reason_at_the_byte_offset(string notation, UnifiedModelIdError error, int position)
    {
        string text = Notation.Text(notation);
        if (!ReferenceParser.IsWellFormed(text))
        {
            return; // Lone surrogates have no UTF-8 form; the InvalidUtf8 table covers broken bytes.
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        Assert.False(UnifiedModelId.TryParse(utf8, out var id, out var actualError, out int actualPosition));
        Assert.Equal((error, ReferenceParser.Utf8Offset(text, position)), (actualError, actualPosition));
        Assert.True(id.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void TryParse_of_malformed_utf8_reports_the_reason_and_byte_position(string notation, UnifiedModelIdError error, int position)
    {
        byte[] utf8 = Notation.Utf8(notation);

        Assert.False(UnifiedModelId.TryParse(utf8, out var id, out var actualError, out int actualPosition));
        Assert.Equal((error, position), (actualError, actualPosition));
        Assert.True(id.IsEmpty);
        Assert.False(UnifiedModelId.TryParse(utf8, out _));
    }

    [Theory]
    [MemberData(nameof(ValidText))]
    public void TryParse_of_valid_text_splits_at_the_first_slash(string notation, string providerId, string modelName)
    {
        string text = Notation.Text(notation);

        Assert.True(UnifiedModelId.TryParse(text, out var id, out var error, out int position));
        Assert.Equal((UnifiedModelIdError.None, 0), (error, position));
        Assert.Equal(Notation.Text(providerId), id.ProviderId);
        Assert.Equal(Notation.Text(modelName), id.ModelName);
        Assert.Equal(text, id.ToString());
        Assert.Equal((UnifiedModelIdError.None, 0), ReferenceParser.Check(text));
    }

    [Theory]
    [MemberData(nameof(ValidText))]
    public void Every_parse_overload_reads_a_valid_id_the_same(string notation, string providerId, string modelName)
    {
        string text = Notation.Text(notation);
        var expected = UnifiedModelId.Create(Notation.Text(providerId), Notation.Text(modelName));

        Assert.Equal(expected, UnifiedModelId.Parse(text));
        Assert.Equal(expected, UnifiedModelId.Parse(text.AsSpan()));
        Assert.Equal(expected, UnifiedModelId.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.True(UnifiedModelId.TryParse(text.AsSpan(), out var fromChars));
        Assert.True(UnifiedModelId.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(expected, fromChars);
        Assert.Equal(expected, fromUtf8);
        Assert.Equal(expected.ProviderId, fromUtf8.ProviderId);
        Assert.Equal(expected.ModelName, fromUtf8.ModelName);
    }

    [Theory]
    [MemberData(nameof(InvalidText))]
    public void Parse_of_invalid_text_throws_a_FormatException_naming_reason_and_position(string notation, UnifiedModelIdError error, int position)
    {
        string text = Notation.Text(notation);

        var fromString = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(text));
        var fromChars = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(text.AsSpan()));

        // The input itself is quoted (escaped and shortened when long), then the reason and position.
        Assert.StartsWith("Invalid unified model ID '", fromString.Message, StringComparison.Ordinal);
        Assert.EndsWith($"': {ExpectedDescription(error, position)}.", fromString.Message, StringComparison.Ordinal);
        Assert.Equal(fromString.Message, fromChars.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Parse_of_malformed_utf8_throws_a_FormatException_naming_reason_and_byte_position(string notation, UnifiedModelIdError error, int position)
    {
        byte[] utf8 = Notation.Utf8(notation);

        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(utf8));

        Assert.Contains(": " + ExpectedDescription(error, position) + ".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_message_for_a_bad_provider_says_what_is_wrong_and_where()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse("open-ai/x"));

        Assert.Equal(
            "Invalid unified model ID 'open-ai/x': the provider ID has an invalid character at position 4 (allowed: A-Z, a-z, 0-9 and '_').",
            exception.Message);
    }

    [Fact]
    public void Parse_of_null_string_throws_ArgumentNullException_and_TryParse_of_null_fails_as_empty()
    {
        Assert.Throws<ArgumentNullException>("s", () => UnifiedModelId.Parse((string)null!));
        Assert.False(UnifiedModelId.TryParse((string?)null, out var id, out var error, out int position));
        Assert.Equal((UnifiedModelIdError.Empty, 0), (error, position));
        Assert.True(id.IsEmpty);
    }

    [Fact]
    public void Parse_keeps_case_so_ids_that_differ_only_in_case_are_different()
    {
        var upper = UnifiedModelId.Parse("OpenAI/x");
        var lower = UnifiedModelId.Parse("openai/x");

        Assert.NotEqual(upper, lower);
        Assert.True(upper < lower);
    }

    [Fact]
    public void Every_error_is_described_by_its_documented_sentence_without_a_trailing_period()
    {
        foreach (var error in Enum.GetValues<UnifiedModelIdError>())
        {
            Assert.Equal(ExpectedDescription(error, 3), error.Describe(3));
        }

        Assert.Throws<ArgumentOutOfRangeException>("error", () => ((UnifiedModelIdError)200).Describe(0));
    }

    // The sentences written out by hand, independently of the code that produces them.
    private static string ExpectedDescription(UnifiedModelIdError error, int position) => error switch
    {
        UnifiedModelIdError.None => "the unified model ID is valid",
        UnifiedModelIdError.Empty => "the unified model ID is empty",
        UnifiedModelIdError.MissingSeparator => "the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name')",
        UnifiedModelIdError.EmptyProvider => "the provider ID before the first '/' is empty",
        UnifiedModelIdError.EmptyModelName => $"the model name after the first '/' is empty (position {position})",
        UnifiedModelIdError.InvalidProviderCharacter => $"the provider ID has an invalid character at position {position} (allowed: A-Z, a-z, 0-9 and '_')",
        UnifiedModelIdError.ProviderTooLong => $"the provider ID is longer than 64 characters (position {position})",
        UnifiedModelIdError.ModelNameTooLong => $"the model name is longer than 256 characters (position {position})",
        UnifiedModelIdError.InvalidModelNameCharacter => $"the model name has a control, white-space or unpaired surrogate character at position {position}",
        UnifiedModelIdError.InvalidUtf8 => $"the input is not valid UTF-8 at byte {position}",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    [Fact]
    public void Parse_message_writes_control_characters_and_lone_surrogates_as_escapes_so_it_stays_one_line()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse("openai/gpt\n\r\ud800"));

        Assert.StartsWith("Invalid unified model ID 'openai/gpt\\u000A\\u000D\\uD800': ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_message_cuts_a_long_input_without_splitting_a_surrogate_pair()
    {
        string text = "openai/" + new string('a', 112) + string.Concat(Enumerable.Repeat("😀", 100));

        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(text));

        string quoted = exception.Message.Split('\'')[1];
        Assert.Equal(text[..119] + "…", quoted);
        Assert.True(ReferenceParser.IsWellFormed(exception.Message));
    }
}
