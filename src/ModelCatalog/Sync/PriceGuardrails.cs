using System.Globalization;

namespace ModelCatalog.Sync;

/// <summary>
/// An opt-in policy (<see cref="SyncOptions.PriceGuardrails"/>) that holds suspicious price changes for review instead
/// of applying them: the model keeps its stored prices, the proposal is stored as a <see cref="PriceReview"/>, and the
/// rest of the sync (other fields, other models) applies. Applies to model types that implement
/// <see cref="IPricedModel"/> (<see cref="CatalogModel"/> does).
/// </summary>
/// <remarks>
/// Every numeric price component is compared with the same component of the stored prices (token prices, each tier's
/// prices and threshold, per-request, per-image and batch prices, the flat per-unit and per-million prices). A
/// component that is new (unknown before) is information, not a risk, and is never held.
/// </remarks>
public sealed record PriceGuardrails
{
    /// <summary>
    /// The largest relative change of one price component that applies without review: 0.5 (the default) lets a
    /// price move by up to ±50% (so a doubled price, +100%, is held); <see langword="null"/> for no limit. Must be positive.
    /// </summary>
    public decimal? MaxRelativeChange { get; init; } = 0.5m;

    /// <summary>
    /// Hold a price that goes to or from zero, or that becomes unknown (a price that disappears would bill as
    /// nothing). On by default.
    /// </summary>
    public bool HoldToOrFromZero { get; init; } = true;

    /// <summary>
    /// Create a new model that has no price at all inactive, with a pending review; approving it activates it. On by
    /// default. Needs a model type that implements <see cref="IModelAvailability"/>; for other types the review is
    /// recorded but the model is created as usual.
    /// </summary>
    public bool HoldNewModelsWithoutPrice { get; init; } = true;

    /// <summary>Throws when the policy cannot be applied.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxRelativeChange"/> is zero or negative.</exception>
    public void Validate()
    {
        if (MaxRelativeChange is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRelativeChange), MaxRelativeChange, "MaxRelativeChange must be positive (0.5 allows ±50%).");
        }
    }

    /// <summary>Why a change from <paramref name="stored"/> to <paramref name="proposed"/> must be held, or <see langword="null"/> when it may apply.</summary>
    /// <param name="stored">The prices in force.</param>
    /// <param name="proposed">The prices a source proposes.</param>
    /// <returns>The reason, naming each offending component; <see langword="null"/> when none offends.</returns>
    public string? FindReason(ModelPrices stored, ModelPrices proposed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(proposed);
        var before = PriceComponents.Of(stored);
        var after = PriceComponents.Of(proposed);
        var reasons = new List<string>();
        foreach (var (path, old) in before)
        {
            if (!after.TryGetValue(path, out decimal now))
            {
                if (HoldToOrFromZero)
                {
                    reasons.Add($"{path} becomes unknown (was {Show(old)})");
                }

                continue;
            }

            if (old == now)
            {
                continue;
            }

            if (old == 0 || now == 0)
            {
                if (HoldToOrFromZero)
                {
                    reasons.Add($"{path} goes from {Show(old)} to {Show(now)}");
                }

                continue;
            }

            decimal relative = Math.Abs(now - old) / Math.Abs(old);
            if (relative > MaxRelativeChange)
            {
                // Stryker disable once Equality : equal prices left the loop above, so now >= old and now > old pick the same sign here.
                reasons.Add($"{path} goes from {Show(old)} to {Show(now)} ({(now > old ? "+" : "-")}{Percent(relative)}), more than the allowed {Percent(MaxRelativeChange.Value)}");
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string Percent(decimal share) => Math.Round(share * 100, 1).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
