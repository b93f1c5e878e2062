using Microsoft.Extensions.Logging;

namespace ModelCatalog.Extensions.AI;

internal static partial class CostLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The usage reported for {ModelId} cannot be priced: {Reason}")]
    public static partial void UsageNotPriced(ILogger logger, string modelId, string reason);
}
