namespace ModelCatalog.Tests.Ids;

/// <summary>
/// The exact text of the messages a person reads: parse failures (with the input quoted on one bounded line), unknown
/// formats, comparisons with other types and unknown error values. Expected strings are written out by hand.
/// </summary>
public sealed class UnifiedModelIdMessageTests
{
    [Fact]
    public void Parse_quotes_the_input_and_names_the_reason_and_position()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse("open-ai/x"));

        Assert.Equal(
            "Invalid unified model ID 'open-ai/x': the provider ID has an invalid character at position 4 (allowed: A-Z, a-z, 0-9 and '_').",
            exception.Message);
    }

    [Fact]
    public void Control_and_white_space_characters_other_than_the_space_are_escaped_in_the_quote()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse("a b\tc\u2028d\u0001"));

        Assert.Equal(
            "Invalid unified model ID 'a b\\u0009c\\u2028d\\u0001': the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name').",
            exception.Message);
    }

    [Theory]
    [InlineData("x😀y", "x😀y")]
    [InlineData("😀", "😀")]
    [InlineData("x\\uD83D", "x\\uD83D")]
    [InlineData("\\uDE00x", "\\uDE00x")]
    [InlineData("\\uDE00\\uD83D", "\\uDE00\\uD83D")]
    public void A_surrogate_pair_is_quoted_as_is_and_an_unpaired_surrogate_is_escaped(string notation, string quoted)
    {
        // Lone surrogates cannot live in attribute strings: the input is written in the tests' \uXXXX notation.
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(Notation.Text(notation)));

        Assert.Equal(
            $"Invalid unified model ID '{quoted}': the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name').",
            exception.Message);
    }

    [Fact]
    public void An_input_of_exactly_120_characters_is_quoted_whole()
    {
        string input = new('a', 120);

        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(input));

        Assert.Equal(
            $"Invalid unified model ID '{input}': the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name').",
            exception.Message);
    }

    [Fact]
    public void A_longer_input_is_cut_to_120_characters_and_marked()
    {
        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(new string('a', 121)));

        Assert.Equal(
            $"Invalid unified model ID '{new string('a', 120)}…': the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name').",
            exception.Message);
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        // The pair sits at characters 119 and 120: keeping 120 would keep only its high half, so the quote stops at 119.
        string input = new string('a', 119) + "😀" + "bbb";

        var exception = Assert.Throws<FormatException>(() => UnifiedModelId.Parse(input));

        Assert.Equal(
            $"Invalid unified model ID '{new string('a', 119)}…': the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name').",
            exception.Message);
    }

    [Fact]
    public void An_unknown_format_is_named_in_the_exception()
    {
        var id = UnifiedModelId.Parse("openai/gpt-4o");

        var exception = Assert.Throws<FormatException>(() => ((IFormattable)id).ToString("x", null));

        Assert.Equal("Unknown format 'x' for UnifiedModelId: use \"G\" or none.", exception.Message);
    }

    [Fact]
    public void Comparing_with_an_object_of_another_type_names_the_expected_type_and_parameter()
    {
        var id = UnifiedModelId.Parse("openai/gpt-4o");

        var exception = Assert.Throws<ArgumentException>("obj", () => id.CompareTo("openai/gpt-4o"));

        Assert.Equal("Object must be of type UnifiedModelId. (Parameter 'obj')", exception.Message);
    }

    [Fact]
    public void An_unknown_error_value_cannot_be_described()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>("error", () => ((UnifiedModelIdError)200).Describe(0));

        Assert.StartsWith("Unknown unified model ID error. (Parameter 'error')", exception.Message, StringComparison.Ordinal);
        Assert.Equal((UnifiedModelIdError)200, exception.ActualValue);
    }

    /// <summary>Every error value and its description at position 7, as documented.</summary>
    public static TheoryData<UnifiedModelIdError, string> Descriptions => new()
    {
        { UnifiedModelIdError.None, "the unified model ID is valid" },
        { UnifiedModelIdError.Empty, "the unified model ID is empty" },
        { UnifiedModelIdError.MissingSeparator, "the unified model ID has no '/' between provider ID and model name (expected 'provider_id/model_name')" },
        { UnifiedModelIdError.EmptyProvider, "the provider ID before the first '/' is empty" },
        { UnifiedModelIdError.EmptyModelName, "the model name after the first '/' is empty (position 7)" },
        { UnifiedModelIdError.InvalidProviderCharacter, "the provider ID has an invalid character at position 7 (allowed: A-Z, a-z, 0-9 and '_')" },
        { UnifiedModelIdError.ProviderTooLong, "the provider ID is longer than 64 characters (position 7)" },
        { UnifiedModelIdError.ModelNameTooLong, "the model name is longer than 256 characters (position 7)" },
        { UnifiedModelIdError.InvalidModelNameCharacter, "the model name has a control, white-space or unpaired surrogate character at position 7" },
        { UnifiedModelIdError.InvalidUtf8, "the input is not valid UTF-8 at byte 7" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Every_error_has_its_own_description(UnifiedModelIdError error, string expected)
        => Assert.Equal(expected, error.Describe(7));
}
