namespace ModelCatalog;

/// <summary>
/// Token prices that apply once a request's prompt is longer than <see cref="AbovePromptTokens"/>. How the tier
/// applies is the owning <see cref="ModelPricing.TierRule"/>.
/// </summary>
/// <param name="AbovePromptTokens">The threshold: the tier applies when the prompt has strictly more tokens than this.</param>
/// <param name="Prices">The tier's prices; a component it leaves unknown keeps the base price.</param>
public sealed record PriceTier(long AbovePromptTokens, TokenPrices Prices);
