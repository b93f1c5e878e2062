using ModelCatalog.Storage;

namespace ModelCatalog;

/// <summary>The outcome of <see cref="IModelCatalog{TModel}.ApprovePriceAsync"/> or <see cref="IModelCatalog{TModel}.RejectPriceAsync"/>.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Outcome">What happened.</param>
/// <param name="Model">The stored model afterwards; <see langword="null"/> when not found.</param>
/// <param name="Review">The review that was decided (as it now stands); <see langword="null"/> when nothing was pending.</param>
/// <param name="Changes">The fields approval wrote; empty otherwise.</param>
public sealed record PriceReviewResult<TModel>(PriceReviewOutcome Outcome, StoredModel<TModel>? Model, PriceReview? Review, IReadOnlyList<FieldChange> Changes)
    where TModel : class;
