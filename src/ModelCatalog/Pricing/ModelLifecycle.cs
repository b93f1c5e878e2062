namespace ModelCatalog;

/// <summary>
/// A model's lifecycle as its source states it. Every member is optional: <see langword="null"/> means the source does
/// not say, not that the model is current.
/// </summary>
public sealed record ModelLifecycle
{
    /// <summary>The status (models.dev <c>status</c>).</summary>
    public ModelStatus? Status { get; init; }

    /// <summary>When the model was deprecated (announced for retirement).</summary>
    public DateTimeOffset? DeprecatedAt { get; init; }

    /// <summary>When the provider stops serving it (LiteLLM <c>deprecation_date</c>, OpenRouter <c>expiration_date</c>).</summary>
    public DateTimeOffset? RetiresAt { get; init; }

    /// <summary>The model that replaces it, if the source names one.</summary>
    public UnifiedModelId? SuccessorId { get; init; }
}
