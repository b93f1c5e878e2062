using System.Globalization;
using System.Text.Json;
using ModelCatalog.Sources;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Tests.Pricing;

/// <summary>
/// Every real snapshot entry with cache, reasoning or tier prices lands in the structured pricing. The test finds those
/// entries by reading the raw JSON itself (not through the importer), derives each unified ID by the documented rule,
/// and compares every such price, converted by hand, with the imported value.
/// </summary>
public sealed class RealSnapshotPricingTests
{
    private static string Normalize(string provider) => string.Concat(provider.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_'));

    private static decimal Raw(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : value.GetDecimal();

    private static (ModelSnapshot<CatalogModel> Snapshot, JsonElement Root, HashSet<string> NotApplied) Load(string folder, string file, CatalogFormat format)
    {
        string path = SharedData.Path(folder, file);
        var snapshot = CatalogImporter.ReadFileAsync(path, format, folder, file, DateTimeOffset.UnixEpoch).GetAwaiter().GetResult();
        var root = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
        // Entries not applied: rejections, and aliases (another key of the same source names the same ID and is kept).
        return (snapshot, root, [.. snapshot.Rejections.Select(r => r.Key).OfType<string>(), .. snapshot.Aliases.Select(a => a.Key)]);
    }

    private static CatalogModel Find(ModelSnapshot<CatalogModel> snapshot, string id)
        => snapshot.Models.SingleOrDefault(m => m.Id.ToString() == id) ?? throw new Xunit.Sdk.XunitException($"{id} was not imported");

    public static TheoryData<string> LiteLlmFiles => new(Directory.GetFiles(SharedData.Path("litellm"), "*.json").Select(Path.GetFileName).Order()!);

    public static TheoryData<string> OpenRouterFiles => new(Directory.GetFiles(SharedData.Path("openrouter"), "*.json").Select(Path.GetFileName).Order()!);

    public static TheoryData<string> ModelsDevFiles => new(Directory.GetFiles(SharedData.Path("modelsdev"), "*.json").Select(Path.GetFileName).Order()!);

    // LiteLLM field → how to read it from the imported pricing (base or a tier).
    private static readonly (string Field, Func<TokenPrices, decimal?> Get)[] LiteLlmTokenFields =
    [
        ("input_cost_per_token", p => p.InputPerMillion),
        ("output_cost_per_token", p => p.OutputPerMillion),
        ("cache_read_input_token_cost", p => p.CacheReadPerMillion),
        ("cache_creation_input_token_cost", p => p.CacheWritePerMillion),
        ("cache_creation_input_token_cost_above_1hr", p => p.CacheWrite1HourPerMillion),
        ("output_cost_per_reasoning_token", p => p.ReasoningPerMillion),
    ];

    private static readonly string[] LiteLlmSpecial = ["cache_read_input_token_cost", "cache_creation_input_token_cost", "cache_creation_input_token_cost_above_1hr", "output_cost_per_reasoning_token"];

    [Theory]
    [MemberData(nameof(LiteLlmFiles))]
    public void Every_LiteLLM_entry_with_cache_reasoning_or_tier_prices_lands_in_the_structured_pricing(string file)
    {
        var (snapshot, root, rejected) = Load("litellm", file, CatalogFormat.LiteLlm);
        int special = 0, specialRejected = 0, compared = 0;
        foreach (var entry in root.EnumerateObject())
        {
            if (entry.Name == "sample_spec" || entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var record = entry.Value;
            bool isSpecial = record.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number
                && (LiteLlmSpecial.Contains(p.Name) || ((p.Name.EndsWith("_above_128k_tokens", StringComparison.Ordinal) || p.Name.EndsWith("_above_200k_tokens", StringComparison.Ordinal))
                    && LiteLlmTokenFields.Any(f => p.Name.StartsWith(f.Field + "_above_", StringComparison.Ordinal)))));
            if (!isSpecial)
            {
                continue;
            }

            special++;
            if (rejected.Contains(entry.Name))
            {
                specialRejected++;
                continue;
            }

            string provider = record.GetProperty("litellm_provider").GetString()!;
            int slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            string name = slash >= 0 && provider.StartsWith(entry.Name[..slash], StringComparison.Ordinal) ? entry.Name[(slash + 1)..] : entry.Name;
            var pricing = Find(snapshot, Normalize(provider) + "/" + name).Pricing;
            Assert.NotNull(pricing);
            foreach (var (field, get) in LiteLlmTokenFields)
            {
                foreach (var (suffix, threshold) in new[] { ("", 0L), ("_above_128k_tokens", 128_000L), ("_above_200k_tokens", 200_000L) })
                {
                    if (!record.TryGetProperty(field + suffix, out var value) || value.ValueKind != JsonValueKind.Number)
                    {
                        continue;
                    }

                    var prices = threshold == 0 ? pricing.Tokens : pricing.Tiers.Single(t => t.AbovePromptTokens == threshold).Prices;
                    Assert.True(Raw(value) * 1_000_000m == get(prices), $"{entry.Name}: {field}{suffix} {Raw(value)} per token → {get(prices)} per million");
                    compared++;
                }
            }
        }

        // Only a few are not applied (rejected with a reason, or an alias of a kept entry); every other one was checked price by price above.
        Assert.True(specialRejected * 5 < special, $"{specialRejected} of {special} not applied");
        Assert.True(file.StartsWith("model_prices_2024", StringComparison.Ordinal) ? special >= 14 : special > 40, $"{special} entries with special prices");
        Assert.True(compared >= special);
    }

    [Theory]
    [MemberData(nameof(OpenRouterFiles))]
    public void Every_OpenRouter_entry_with_cache_or_reasoning_prices_lands_in_the_structured_pricing(string file)
    {
        var (snapshot, root, rejected) = Load("openrouter", file, CatalogFormat.OpenRouter);
        var data = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("data");
        var fields = new (string Field, Func<TokenPrices, decimal?> Get)[]
        {
            ("input_cache_read", p => p.CacheReadPerMillion), ("input_cache_write", p => p.CacheWritePerMillion), ("internal_reasoning", p => p.ReasoningPerMillion),
        };
        int special = 0;
        foreach (var record in data.EnumerateArray())
        {
            var pricing = record.GetProperty("pricing");
            var present = fields.Where(f => pricing.TryGetProperty(f.Field, out var v) && Raw(v) >= 0).ToList();
            string key = record.GetProperty("id").GetString()!;
            if (present.Count == 0 || rejected.Contains(key))
            {
                continue;
            }

            special++;
            var imported = Find(snapshot, "openrouter/" + key).Pricing!;
            foreach (var (field, get) in present)
            {
                Assert.True(Raw(pricing.GetProperty(field)) * 1_000_000m == get(imported.Tokens), $"{key}: {field}");
            }
        }

        Assert.True(special > 100, $"{special} entries with cache or reasoning prices");
    }

    [Theory]
    [MemberData(nameof(ModelsDevFiles))]
    public void Every_models_dev_entry_with_cache_reasoning_or_tier_prices_lands_in_the_structured_pricing(string file)
    {
        var (snapshot, root, rejected) = Load("modelsdev", file, CatalogFormat.ModelsDev);
        var fields = new (string Field, Func<TokenPrices, decimal?> Get)[]
        {
            ("cache_read", p => p.CacheReadPerMillion), ("cache_write", p => p.CacheWritePerMillion), ("reasoning", p => p.ReasoningPerMillion),
        };
        int special = 0, tiers = 0;
        foreach (var provider in root.EnumerateObject())
        {
            foreach (var model in provider.Value.GetProperty("models").EnumerateObject())
            {
                string key = provider.Name + "/" + model.Name;
                if (!model.Value.TryGetProperty("cost", out var cost) || rejected.Contains(key))
                {
                    continue;
                }

                var present = fields.Where(f => cost.TryGetProperty(f.Field, out _)).ToList();
                bool over = cost.TryGetProperty("context_over_200k", out var overCost);
                bool tiered = cost.TryGetProperty("tiers", out var tierList);
                if (present.Count == 0 && !over && !tiered)
                {
                    continue;
                }

                special++;
                var imported = Find(snapshot, Normalize(provider.Name) + "/" + model.Name).Pricing!;
                foreach (var (field, get) in present)
                {
                    Assert.True(Raw(cost.GetProperty(field)) == get(imported.Tokens), $"{key}: cost.{field}");
                }

                if (over)
                {
                    Assert.Equal(Raw(overCost.GetProperty("input")), imported.Tiers.Single(t => t.AbovePromptTokens == 200_000).Prices.InputPerMillion);
                    tiers++;
                }

                if (tiered)
                {
                    foreach (var tier in tierList.EnumerateArray())
                    {
                        long size = tier.GetProperty("tier").GetProperty("size").GetInt64();
                        Assert.Equal(Raw(tier.GetProperty("input")), imported.Tiers.Single(t => t.AbovePromptTokens == size).Prices.InputPerMillion);
                        tiers++;
                    }
                }
            }
        }

        Assert.True(special > 500, $"{special} entries with cache, reasoning or tier prices");
        Assert.True(tiers >= 10, $"{tiers} tiers");
    }
}
