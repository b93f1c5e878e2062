using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Pricing;

namespace ModelCatalog.Tests.Sync;

public sealed class PriceGuardrailsLawTests
{
    private const int Cases = 500;
    private static readonly PriceGuardrails Default = new();

    private static ModelPrices Prices(ModelPricing? pricing, decimal? input = null) => new() { Pricing = pricing, InputCostPerMillionTokens = input };

    [Property(MaxTest = Cases)]
    public Property Unchanged_prices_are_never_held()
        => Prop.ForAll(Arb.From(PricingGenerators.Pricing), pricing => Default.FindReason(Prices(pricing), Prices(pricing with { })) is null);

    [Property(MaxTest = Cases)]
    public Property Prices_that_were_unknown_before_are_information_and_never_held()
        => Prop.ForAll(Arb.From(PricingGenerators.Pricing), pricing => Default.FindReason(ModelPrices.None, Prices(pricing, 1m)) is null);

    [Property(MaxTest = Cases)]
    public Property A_price_scaled_to_k_percent_is_held_exactly_when_k_is_more_than_50_points_from_100(PositiveInt cents, PositiveInt percent)
    {
        // Oracle: integer arithmetic on the percentage, independent of the decimal division the policy does.
        decimal old = cents.Get / 100m;
        decimal proposed = old * percent.Get / 100m;
        bool expected = Math.Abs(percent.Get - 100) > 50;
        bool held = Default.FindReason(Prices(null, old), Prices(null, proposed)) is not null;
        return (held == expected).ToProperty().Label($"{old} -> {proposed}: held {held}, expected {expected}");
    }

    [Property(MaxTest = Cases)]
    public Property Without_a_relative_limit_only_zero_and_vanishing_prices_are_held(PositiveInt cents, NonNegativeInt percent)
    {
        var policy = new PriceGuardrails { MaxRelativeChange = null };
        decimal old = cents.Get / 100m;
        decimal proposed = old * percent.Get / 100m;
        bool held = policy.FindReason(Prices(null, old), Prices(null, proposed)) is not null;
        return (held == (percent.Get == 0)).ToProperty();
    }

    [Fact]
    public void A_price_that_disappears_is_held_because_it_would_bill_as_nothing()
        => Assert.Equal("input_cost_per_million_tokens becomes unknown (was 2.5)", Default.FindReason(Prices(null, 2.5m), ModelPrices.None));

    [Fact]
    public void A_tier_price_is_named_by_its_path_in_the_reason()
    {
        var before = new ModelPricing { Tiers = [new PriceTier(200_000, new TokenPrices { OutputPerMillion = 15m })] };
        var after = new ModelPricing { Tiers = [new PriceTier(200_000, new TokenPrices { OutputPerMillion = 4.5m })] };

        Assert.Equal(
            "pricing.tiers[0].prices.output_per_million goes from 15 to 4.5 (-70%), more than the allowed 50%",
            Default.FindReason(Prices(before), Prices(after)));
    }

    [Fact]
    public void A_non_positive_limit_is_refused_before_any_model_is_looked_at()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PriceGuardrails { MaxRelativeChange = 0m }.Validate());
}
