namespace ModelCatalog.Sync;

/// <summary>
/// The price guardrails' decision for one model of a sync: which official record to merge (the incoming one, or one
/// carrying the stored prices when the change is held) and which <see cref="PriceReview"/> the model keeps.
/// </summary>
internal static class PriceGate
{
    /// <summary>Decides for an existing model.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="guardrails">The run's policy; <see langword="null"/> when off.</param>
    /// <param name="stored">The stored model.</param>
    /// <param name="official">The incoming official record.</param>
    /// <param name="review">The review the model has.</param>
    /// <param name="heldAt">The run's time.</param>
    /// <param name="snapshot">The snapshot (source name and version).</param>
    /// <returns>What to merge, the review to keep, and the reason when this run holds the change.</returns>
    public static Decision<TModel> ForExisting<TModel>(
        PriceGuardrails? guardrails, TModel stored, TModel official, PriceReview? review, DateTimeOffset heldAt, ModelSnapshot<TModel> snapshot)
        where TModel : class, ICatalogModel<TModel>
    {
        if (stored is not IPricedModel current || official is not IPricedModel incoming)
        {
            return new(official, review, null);
        }

        var before = current.Prices;
        var after = incoming.Prices;
        if (before == after || guardrails is null)
        {
            // Either the source agrees with what is stored, or its prices apply as stated: a held or rejected
            // proposal has nothing left to decide.
            return new(official, null, null);
        }

        if (review is { Status: PriceReviewStatus.Rejected } && review.Proposed == after)
        {
            return new(WithPrices(official, before), review, null);
        }

        if (guardrails.FindReason(before, after) is not { } reason)
        {
            return new(official, null, null);
        }

        var kept = review is { Status: PriceReviewStatus.Pending } && review.Proposed == after
            ? review
            : new PriceReview(PriceReviewStatus.Pending, reason, before, after, heldAt, snapshot.SourceName, snapshot.Version);
        return new(WithPrices(official, before), kept, kept.Reason);
    }

    /// <summary>Decides for a model a sync creates: one without any price is created inactive, pending review.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="guardrails">The run's policy; <see langword="null"/> when off.</param>
    /// <param name="created">The model about to be created; deactivated when held.</param>
    /// <param name="heldAt">The run's time.</param>
    /// <param name="snapshot">The snapshot (source name and version).</param>
    /// <returns>The review to store, or <see langword="null"/>.</returns>
    public static PriceReview? ForNew<TModel>(PriceGuardrails? guardrails, TModel created, DateTimeOffset heldAt, ModelSnapshot<TModel> snapshot)
        where TModel : class
    {
        if (guardrails is not { HoldNewModelsWithoutPrice: true } || created is not IPricedModel priced || !PriceComponents.NoneKnown(priced.Prices))
        {
            return null;
        }

        bool deactivated = false;
        if (created is IModelAvailability { IsActive: true } availability)
        {
            availability.IsActive = false;
            deactivated = true;
        }

        string reason = deactivated
            ? "a new model without any price: created inactive until approved"
            : "a new model without any price";
        return new PriceReview(PriceReviewStatus.Pending, reason, ModelPrices.None, priced.Prices, heldAt, snapshot.SourceName, snapshot.Version)
        {
            ActivatesOnApproval = deactivated,
        };
    }

    private static TModel WithPrices<TModel>(TModel official, ModelPrices prices)
        where TModel : class, ICatalogModel<TModel>
    {
        // The official record is never mutated: the copy carries the stored prices, so the merge sees no price change.
        var copy = TModel.Merger.Clone(official);
        ((IPricedModel)copy).Prices = prices;
        return copy;
    }

    /// <summary>The decision for one existing model.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="Official">The record to merge.</param>
    /// <param name="Review">The review the model keeps (<see langword="null"/> for none).</param>
    /// <param name="HeldReason">Why this run holds the change; <see langword="null"/> when it does not.</param>
    public readonly record struct Decision<TModel>(TModel Official, PriceReview? Review, string? HeldReason);
}
