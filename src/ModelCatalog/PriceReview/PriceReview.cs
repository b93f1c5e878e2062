namespace ModelCatalog;

/// <summary>
/// A price change a guardrail held instead of applying, kept with the model's sync state, so it survives restarts in
/// every store. Listed with <see cref="Storage.ModelQuery.PriceReview"/>; decided with
/// <see cref="IModelCatalog{TModel}.ApprovePriceAsync"/> or <see cref="IModelCatalog{TModel}.RejectPriceAsync"/>.
/// </summary>
/// <param name="Status">Pending or rejected.</param>
/// <param name="Reason">Why it was held, for a person (for example "pricing.tokens.input_per_million goes from 2.5 to 5 (+100%), more than the allowed 50%").</param>
/// <param name="Previous">The prices stored when it was held (what stays in force).</param>
/// <param name="Proposed">The prices the source proposed.</param>
/// <param name="HeldAt">When a sync held it.</param>
/// <param name="SourceName">The source that proposed it.</param>
/// <param name="SourceVersion">That source's version.</param>
public sealed record PriceReview(
    PriceReviewStatus Status,
    string Reason,
    ModelPrices Previous,
    ModelPrices Proposed,
    DateTimeOffset HeldAt,
    string? SourceName,
    string? SourceVersion)
{
    /// <summary>
    /// Set when a new model without any price was created inactive: approving activates it (see
    /// <see cref="Sync.PriceGuardrails.HoldNewModelsWithoutPrice"/>).
    /// </summary>
    public bool ActivatesOnApproval { get; init; }
}
