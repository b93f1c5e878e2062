namespace ModelCatalog;

/// <summary>A model's pricing as of an instant.</summary>
/// <param name="Status">Whether the instant could be answered.</param>
/// <param name="Pricing">The pricing in force then, for <see cref="PriceAtStatus.Found"/> (<see langword="null"/> when the model had no price then).</param>
/// <param name="InForceSince">
/// When that pricing came into force: the change that set it, or the model's creation; <see langword="null"/> for a model
/// without a creation record (rows that predate the library) whose pricing never changed since.
/// </param>
public sealed record PriceAtResult(PriceAtStatus Status, ModelPricing? Pricing, DateTimeOffset? InForceSince);
