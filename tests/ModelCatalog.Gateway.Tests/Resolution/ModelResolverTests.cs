using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Resolution;

public class ModelResolverTests
{
    private readonly ModelResolver _exact = new(SampleModels.Directory());
    private readonly ModelResolver _lenient = new(SampleModels.Directory(), new ModelResolverOptions { CaseInsensitiveFallback = true });

    [Fact]
    public async Task A_known_active_model_resolves_to_its_provider_and_upstream_name()
    {
        var resolution = await _exact.ResolveAsync("anthropic/claude-3-5-sonnet");

        Assert.Equal(ModelResolutionStatus.Resolved, resolution.Status);
        Assert.Equal("anthropic", resolution.ProviderId);
        Assert.Equal("claude-3-5-sonnet-20241022", resolution.UpstreamModelName);
        Assert.Null(resolution.Error);
    }

    [Fact]
    public async Task The_upstream_name_defaults_to_the_model_name_of_the_id()
        => Assert.Equal("meta-llama/llama-3.1-70b-instruct", (await _exact.ResolveAsync("openrouter/meta-llama/llama-3.1-70b-instruct")).UpstreamModelName);

    [Fact]
    public async Task An_invalid_id_fails_with_the_parse_reason_and_position()
    {
        var resolution = await _exact.ResolveAsync("open-ai/gpt-4o");

        Assert.Equal(ModelResolutionStatus.InvalidId, resolution.Status);
        Assert.Equal(UnifiedModelIdError.InvalidProviderCharacter, resolution.ParseError);
        Assert.Equal(4, resolution.ParseErrorPosition);
        Assert.Equal(400, resolution.Error!.StatusCode);
    }

    [Fact]
    public async Task A_utf8_id_fails_with_a_byte_position()
    {
        var resolution = await _exact.ResolveAsync("é/x y"u8);

        Assert.Equal(UnifiedModelIdError.InvalidProviderCharacter, resolution.ParseError);
        Assert.Equal(0, resolution.ParseErrorPosition);
    }

    [Fact]
    public async Task An_unknown_model_fails_as_unknown()
    {
        var resolution = await _exact.ResolveAsync("openai/gpt-5");

        Assert.Equal(ModelResolutionStatus.Unknown, resolution.Status);
        Assert.Equal("model_not_found", resolution.Error!.Code);
    }

    [Fact]
    public async Task An_inactive_model_fails_as_inactive_and_still_names_the_model()
    {
        var resolution = await _exact.ResolveAsync("openai/gpt-3.5-turbo");

        Assert.Equal(ModelResolutionStatus.Inactive, resolution.Status);
        Assert.NotNull(resolution.Model);
        Assert.False(resolution.IsResolved);
    }

    [Fact]
    public async Task A_hidden_active_model_still_resolves()
        => Assert.True((await _exact.ResolveAsync("openai/internal-eval")).IsResolved);

    [Fact]
    public async Task Ids_are_case_sensitive_by_default()
        => Assert.Equal(ModelResolutionStatus.Unknown, (await _exact.ResolveAsync("OpenAI/GPT-4o")).Status);

    [Fact]
    public async Task The_case_insensitive_fallback_returns_the_canonical_id_and_keeps_the_upstream_name()
    {
        var resolution = await _lenient.ResolveAsync("ANTHROPIC/Claude-3-5-Sonnet");

        Assert.True(resolution.IsResolved);
        Assert.True(resolution.IsCaseInsensitiveMatch);
        Assert.Equal("anthropic/claude-3-5-sonnet", resolution.Id.ToString());
        Assert.Equal("claude-3-5-sonnet-20241022", resolution.UpstreamModelName);
    }

    [Fact]
    public async Task An_exact_match_wins_over_a_case_insensitive_one()
    {
        var resolution = await _lenient.ResolveAsync("azure/GPT-4o");

        Assert.False(resolution.IsCaseInsensitiveMatch);
        Assert.Equal("my-deployment", resolution.UpstreamModelName);
    }

    [Fact]
    public async Task Ids_that_differ_only_by_case_make_the_fallback_find_nothing()
    {
        var resolver = new ModelResolver(
            new InMemoryGatewayModelDirectory([new(UnifiedModelId.Parse("a/X")), new(UnifiedModelId.Parse("a/x"))]),
            new ModelResolverOptions { CaseInsensitiveFallback = true });

        Assert.Equal(ModelResolutionStatus.Unknown, (await resolver.ResolveAsync("A/x")).Status);
    }

    [Fact]
    public void A_resolver_needs_a_directory()
        => Assert.Throws<ArgumentNullException>("directory", () => new ModelResolver(null!));
}
