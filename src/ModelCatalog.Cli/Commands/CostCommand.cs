using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelCatalog.Cli.Output;

namespace ModelCatalog.Cli.Commands;

/// <summary>
/// <c>modelcatalog cost &lt;id&gt; --input-tokens N --output-tokens N [...] [--at DATE]</c>: what a request cost on a
/// model, component by component, at today's prices or at the prices in force at a date.
/// </summary>
internal sealed class CostCommand : ModelIdCommand
{
    private readonly Option<long> _input = Count("--input-tokens", "All input tokens, cached reads and cache writes included.", required: true);
    private readonly Option<long> _output = Count("--output-tokens", "All output tokens, reasoning included.", required: true);
    private readonly Option<long> _cached = Count("--cached-input-tokens", "Input tokens read from the cache (a part of --input-tokens).");
    private readonly Option<long> _write = Count("--cache-write-tokens", "Input tokens written to the cache for 5 minutes (a part of --input-tokens).");
    private readonly Option<long> _write1h = Count("--cache-write-1h-tokens", "Input tokens written to the cache for 1 hour (a part of --input-tokens).");
    private readonly Option<long> _reasoning = Count("--reasoning-tokens", "Reasoning tokens (a part of --output-tokens).");
    private readonly Option<DateTimeOffset?> _at = new("--at")
    {
        Description = "Price the usage at the prices in force then (a date, read as UTC midnight, or a date and time). Default: now.",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at;
            }

            result.AddError($"--at '{text}' is not a date (use YYYY-MM-DD or an ISO 8601 date and time).");
            return null;
        },
    };

    public CostCommand()
        : base("cost", "Compute what a request cost on a model, component by component (USD).")
    {
        foreach (var option in new Option[] { _input, _output, _cached, _write, _write1h, _reasoning, _at })
        {
            Command.Options.Add(option);
        }
    }

    public override async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        var usage = new TokenUsage
        {
            InputTokens = parse.GetValue(_input),
            OutputTokens = parse.GetValue(_output),
            CachedInputTokens = parse.GetValue(_cached),
            CacheWriteTokens = parse.GetValue(_write),
            CacheWrite1HourTokens = parse.GetValue(_write1h),
            ReasoningTokens = parse.GetValue(_reasoning),
        };
        var at = parse.GetValue(_at);
        var (ok, answer) = await Store.ReadAsync(
            parse,
            console,
            store => at is { } instant ? store.PriceAtAsync(id, instant, cancellationToken) : CurrentAsync(store, id, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return ExitCodes.Failure;
        }

        switch (answer.Status)
        {
            case PriceAtStatus.UnknownModel:
                console.Error($"error: no model '{id}' in the catalog (IDs are case-sensitive).");
                return ExitCodes.Failure;
            case PriceAtStatus.NotYetInCatalog:
                console.Error($"error: '{id}' was not in the catalog yet at {at!.Value.ToString("u", CultureInfo.InvariantCulture)}: no price is known for that time.");
                return ExitCodes.Failure;
        }

        CostBreakdown cost;
        try
        {
            cost = CostCalculator.Calculate(answer.Pricing, usage);
        }
        catch (ArgumentException exception)
        {
            console.Error($"error: {exception.Message.Replace(" (Parameter 'usage')", string.Empty, StringComparison.Ordinal)}");
            return ExitCodes.Usage;
        }
        catch (OverflowException exception)
        {
            console.Error($"error: {exception.Message}");
            return ExitCodes.Failure;
        }

        if (parse.GetValue(Store.Json))
        {
            JsonOutput.Write(console.Raw, writer => WriteJson(writer, id, cost));
        }
        else
        {
            var table = Tables.Create("component", "tokens", "unit price (USD)", "cost (USD)");
            foreach (var c in cost.Components)
            {
                table.Add(c.Name, c.Quantity.ToString(CultureInfo.InvariantCulture), DisplayValue.Normalize(c.UnitPrice).ToString(CultureInfo.InvariantCulture) + (c.IsPerMillionTokens ? " /M" : " each"), DisplayValue.Normalize(c.Cost).ToString(CultureInfo.InvariantCulture));
            }

            console.Line($"{id}: {DisplayValue.Normalize(cost.Total).ToString(CultureInfo.InvariantCulture)} {cost.Currency}{(cost.Tier is { } tier ? $" (long-context tier above {tier.AbovePromptTokens.ToString(CultureInfo.InvariantCulture)} prompt tokens)" : string.Empty)}");
            console.Out.Write(table);
        }

        if (!cost.IsComplete)
        {
            console.Error($"warning: no price is known for {string.Join(", ", cost.Unpriced.Select(CostComponent.NameOf))}; the total leaves those tokens out.");
            return ExitCodes.AppliedWithRejections;
        }

        return ExitCodes.Ok;
    }

    private static async ValueTask<PriceAtResult> CurrentAsync(Storage.IModelStore<CatalogModel> store, UnifiedModelId id, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? new PriceAtResult(PriceAtStatus.UnknownModel, null, null) : new PriceAtResult(PriceAtStatus.Found, stored.Model.Pricing, null);
    }

    private static void WriteJson(Utf8JsonWriter writer, UnifiedModelId id, CostBreakdown cost)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id.ToString());
        writer.WriteString("currency", cost.Currency);
        writer.WriteNumber("total", cost.Total);
        writer.WriteStartArray("components");
        foreach (var c in cost.Components)
        {
            writer.WriteStartObject();
            writer.WriteString("name", c.Name);
            writer.WriteNumber("tokens", c.Quantity);
            writer.WriteNumber("unit_price", c.UnitPrice);
            writer.WriteNumber("cost", c.Cost);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unpriced");
        foreach (var kind in cost.Unpriced)
        {
            writer.WriteStringValue(CostComponent.NameOf(kind));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static Option<long> Count(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        Validators = { result => { if (result.GetValueOrDefault<long>() < 0) { result.AddError($"{name} cannot be negative."); } } },
    };
}
