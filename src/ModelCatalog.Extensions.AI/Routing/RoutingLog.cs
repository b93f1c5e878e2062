using Microsoft.Extensions.Logging;

namespace ModelCatalog.Extensions.AI;

internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Model {ModelId} is deprecated (retires at {RetiresAt}); its successor is {SuccessorId}.")]
    public static partial void Deprecated(ILogger logger, string modelId, DateTimeOffset? retiresAt, string successorId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Model {ModelId} is retired; the call goes to its successor {SuccessorId}.")]
    public static partial void RoutedToSuccessor(ILogger logger, string modelId, string successorId);
}
