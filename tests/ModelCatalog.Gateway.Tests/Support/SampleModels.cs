namespace ModelCatalog.Gateway.Tests.Support;

/// <summary>A small catalog: active, inactive and hidden models, and an upstream name that differs from the ID.</summary>
public static class SampleModels
{
    public static GatewayModel[] All() =>
    [
        new(UnifiedModelId.Parse("openai/gpt-4o")) { DisplayName = "GPT-4o", Created = new DateTimeOffset(2024, 5, 13, 0, 0, 0, TimeSpan.Zero), OwnedBy = "openai" },
        new(UnifiedModelId.Parse("openai/gpt-3.5-turbo")) { IsActive = false },
        new(UnifiedModelId.Parse("openai/internal-eval")) { IsVisible = false },
        new(UnifiedModelId.Parse("anthropic/claude-3-5-sonnet")) { UpstreamModelName = "claude-3-5-sonnet-20241022", DisplayName = "Claude 3.5 Sonnet" },
        new(UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b-instruct")),
        new(UnifiedModelId.Parse("azure/GPT-4o")) { UpstreamModelName = "my-deployment" },
    ];

    public static InMemoryGatewayModelDirectory Directory() => new(All());

    /// <summary>
    /// <see cref="All"/> with IDs that test path escaping (a <c>:</c>, and a literal <c>%2F</c> beside a real slash)
    /// and a model whose provider lifecycle facts are known.
    /// </summary>
    public static GatewayModel[] WithEscapingIds() =>
    [
        .. All().Where(static m => m.Id.ProviderId != "anthropic"),
        new(UnifiedModelId.Parse("anthropic/claude-3-5-sonnet"))
        {
            UpstreamModelName = "claude-3-5-sonnet-20241022",
            DisplayName = "Claude 3.5 Sonnet",
            Lifecycle = GatewayModelLifecycle.Deprecated,
            DeprecatedAt = new DateTimeOffset(2025, 8, 13, 0, 0, 0, TimeSpan.Zero),
            RetiresAt = new DateTimeOffset(2025, 10, 22, 0, 0, 0, TimeSpan.Zero),
            MaxInputTokens = 200_000,
            MaxOutputTokens = 8_192,
        },
        new(UnifiedModelId.Parse("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")),
        new(UnifiedModelId.Parse("custom/a%2Fb")),
        new(UnifiedModelId.Parse("custom/a/b")),
    ];

    /// <summary>A directory of <paramref name="count"/> listed models <c>p/m000</c>…, plus hidden and inactive ones between them.</summary>
    public static InMemoryGatewayModelDirectory Numbered(int count)
    {
        var models = new List<GatewayModel>();
        for (var i = 0; i < count; i++)
        {
            models.Add(new GatewayModel(UnifiedModelId.Parse($"p/m{i:D4}")));
            models.Add(new GatewayModel(UnifiedModelId.Parse($"p/m{i:D4}-hidden")) { IsVisible = false });
            models.Add(new GatewayModel(UnifiedModelId.Parse($"p/m{i:D4}-off")) { IsActive = false });
        }

        // Given out of order: the directory sorts.
        models.Reverse();
        return new InMemoryGatewayModelDirectory(models);
    }
}
