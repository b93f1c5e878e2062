using System.Diagnostics.Metrics;
using ModelCatalog.Diagnostics;

namespace ModelCatalog.Extensions.AI;

/// <summary>
/// The instruments of <see cref="CatalogCostChatClient{TModel}"/> on the meter <c>ModelCatalog</c>: the GenAI semantic
/// conventions' <c>gen_ai.client.token.usage</c> histogram and the counter <c>modelcatalog.chat.cost</c> (USD).
/// </summary>
internal sealed class ChatCostMetrics
{
    public const string TokenUsageName = "gen_ai.client.token.usage";
    public const string CostName = "modelcatalog.chat.cost";

    // The semantic conventions' advised bucket boundaries for gen_ai.client.token.usage.
    private static readonly long[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
    private static readonly Meter SharedMeter = new(ModelCatalogDiagnostics.Name);

    public ChatCostMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(ModelCatalogDiagnostics.Name) ?? SharedMeter;
        TokenUsage = meter.CreateHistogram(TokenUsageName, "{token}", "Number of input and output tokens used.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TokenBuckets });
        Cost = meter.CreateCounter<double>(CostName, "USD", "Cost of chat responses priced from the catalog (tag modelcatalog.cost.complete is false when a component with usage had no price).");
    }

    public Histogram<long> TokenUsage { get; }

    public Counter<double> Cost { get; }
}
