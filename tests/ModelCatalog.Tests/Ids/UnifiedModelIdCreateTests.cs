namespace ModelCatalog.Tests.Ids;

/// <summary><see cref="UnifiedModelId.Create"/>, <see cref="UnifiedModelId.TryCreate"/> and the part validators.</summary>
public sealed class UnifiedModelIdCreateTests
{
    [Fact]
    public void Create_joins_the_parts_and_keeps_slashes_in_the_model_name()
    {
        var id = UnifiedModelId.Create("openrouter", "meta-llama/llama-3.1-70b-instruct");

        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", id.ToString());
        Assert.Equal("openrouter", id.ProviderId);
        Assert.Equal("meta-llama/llama-3.1-70b-instruct", id.ModelName);
        Assert.Equal(UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct"), id);
    }

    [Theory]
    [InlineData("", "the provider ID before the first '/' is empty")]
    [InlineData("open-ai", "invalid character at position 4")]
    [InlineData("a/b", "invalid character at position 1")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "longer than 64 characters")]
    public void Create_with_a_bad_provider_throws_ArgumentException_for_providerId_saying_why(string provider, string reason)
    {
        var exception = Assert.Throws<ArgumentException>("providerId", () => UnifiedModelId.Create(provider, "gpt-4o"));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("gpt 4o", "at position 3")]
    [InlineData("gpt\n", "at position 3")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "longer than 256 characters")]
    public void Create_with_a_bad_model_name_throws_ArgumentException_for_modelName_saying_why(string name, string reason)
    {
        var exception = Assert.Throws<ArgumentException>("modelName", () => UnifiedModelId.Create("openai", name));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_with_a_lone_surrogate_in_the_model_name_throws_ArgumentException_for_modelName()
    {
        // Not an InlineData row: attribute strings are stored as UTF-8, which has no lone surrogates.
        var exception = Assert.Throws<ArgumentException>("modelName", () => UnifiedModelId.Create("openai", "gpt\ud800"));

        Assert.Contains("unpaired surrogate character at position 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_with_null_parts_throws_ArgumentNullException_naming_the_part()
    {
        Assert.Throws<ArgumentNullException>("providerId", () => UnifiedModelId.Create(null!, "gpt-4o"));
        Assert.Throws<ArgumentNullException>("modelName", () => UnifiedModelId.Create("openai", null!));
    }

    [Fact]
    public void TryCreate_succeeds_for_valid_parts_and_fails_quietly_otherwise()
    {
        Assert.True(UnifiedModelId.TryCreate("openai", "gpt-4o", out var id));
        Assert.Equal(UnifiedModelId.Parse("openai/gpt-4o"), id);

        Assert.False(UnifiedModelId.TryCreate("open-ai", "gpt-4o", out id));
        Assert.True(id.IsEmpty);
        Assert.False(UnifiedModelId.TryCreate("openai", "", out id));
        Assert.True(id.IsEmpty);
    }

    [Theory]
    [InlineData("openai", true, UnifiedModelIdError.None, 0)]
    [InlineData("", false, UnifiedModelIdError.EmptyProvider, 0)]
    [InlineData("open-ai", false, UnifiedModelIdError.InvalidProviderCharacter, 4)]
    [InlineData("openai/x", false, UnifiedModelIdError.InvalidProviderCharacter, 6)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, UnifiedModelIdError.ProviderTooLong, 64)]
    public void IsValidProviderId_says_whether_and_why(string providerId, bool valid, UnifiedModelIdError error, int position)
    {
        Assert.Equal(valid, UnifiedModelId.IsValidProviderId(providerId));
        Assert.Equal((valid, error, position), (UnifiedModelId.IsValidProviderId(providerId, out var actualError, out int actualPosition), actualError, actualPosition));
    }

    [Theory]
    [InlineData("gpt-4o", true, UnifiedModelIdError.None, 0)]
    [InlineData("meta-llama/llama-3", true, UnifiedModelIdError.None, 0)]
    [InlineData("", false, UnifiedModelIdError.EmptyModelName, 0)]
    [InlineData("gpt 4o", false, UnifiedModelIdError.InvalidModelNameCharacter, 3)]
    public void IsValidModelName_says_whether_and_why(string modelName, bool valid, UnifiedModelIdError error, int position)
        => Assert.Equal((valid, error, position), (UnifiedModelId.IsValidModelName(modelName, out var actualError, out int actualPosition), actualError, actualPosition));
}
