using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelCatalog.ReadModel;

namespace ModelCatalog.Extensions.AI;

/// <summary>
/// Middleware that prices every response from its <see cref="UsageDetails"/> with <see cref="CostCalculator"/> and the
/// model's <see cref="CatalogModel.Pricing"/> in the read model, attaches the <see cref="CostBreakdown"/> to the
/// response (<see cref="ChatCostExtensions.GetCatalogCost(ChatResponse)"/>) and records metrics on the meter
/// <c>ModelCatalog</c>: <c>gen_ai.client.token.usage</c> (histogram, <c>{token}</c>, tagged <c>gen_ai.token.type</c>
/// <c>input</c>/<c>output</c> as the GenAI semantic conventions define it) and <c>modelcatalog.chat.cost</c> (counter,
/// USD), both tagged <c>gen_ai.operation.name</c>, <c>gen_ai.provider.name</c> (the provider ID) and
/// <c>gen_ai.response.model</c> (the unified ID).
/// </summary>
/// <remarks>
/// <para>
/// The model is the response's <see cref="ChatResponse.ModelId"/> read as a unified ID (what the router puts there),
/// else the request's <see cref="ChatOptions.ModelId"/>; a model that is not in the catalog is not priced and records no
/// metric. Place it outside the router (<c>AddChatClientRouting(...).UseModelCatalogCost()</c>).
/// </para>
/// <para>
/// Usage maps as Microsoft.Extensions.AI counts it: input, output, cached input, reasoning.
/// <see cref="UsageDetails"/> has no cache-write count, so cache writes are priced as plain input; its audio counts are
/// experimental (<c>MEAI001</c>) and not read, so audio is priced as plain input and output. Streamed responses are
/// priced per update that carries a <see cref="UsageContent"/> (OpenAI sends one, at the end); the cost goes on that
/// update. Usage whose parts exceed their totals is logged and not priced. Metric values are doubles (the cost counter
/// takes the exact decimal total converted once); the attached breakdown stays exact.
/// </para>
/// <para>
/// Microsoft.Extensions.AI's own <c>OpenTelemetryChatClient</c> records <c>gen_ai.client.token.usage</c> too, on its
/// own meter: use one of the two for token usage, or filter by meter name.
/// </para>
/// </remarks>
/// <typeparam name="TModel">The catalog model type (<see cref="CatalogModel"/> or a type derived from it).</typeparam>
public sealed class CatalogCostChatClient<TModel> : DelegatingChatClient
    where TModel : CatalogModel, ICatalogModel<TModel>
{
    private readonly IModelReadModel<TModel> _readModel;
    private readonly ChatCostMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client whose responses are priced (the router, typically).</param>
    /// <param name="readModel">The catalog's read model, where prices are read.</param>
    /// <param name="meterFactory">Creates the meter; a shared static meter when <see langword="null"/>.</param>
    /// <param name="logger">Where unpriceable usage is reported; none when <see langword="null"/>.</param>
    public CatalogCostChatClient(IChatClient innerClient, IModelReadModel<TModel> readModel, IMeterFactory? meterFactory = null, ILogger<CatalogCostChatClient<TModel>>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        _readModel = readModel;
        _metrics = new ChatCostMetrics(meterFactory);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (response.Usage is { } usage && await PriceAsync(response.ModelId ?? options?.ModelId, usage, cancellationToken).ConfigureAwait(false) is { } cost)
        {
            (response.AdditionalProperties ??= [])[ChatCostExtensions.CostPropertyName] = cost;
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents)
            {
                if (content is UsageContent { Details: { } usage } && await PriceAsync(update.ModelId ?? options?.ModelId, usage, cancellationToken).ConfigureAwait(false) is { } cost)
                {
                    (update.AdditionalProperties ??= [])[ChatCostExtensions.CostPropertyName] = cost;
                }
            }

            yield return update;
        }
    }

    private async ValueTask<CostBreakdown?> PriceAsync(string? modelId, UsageDetails usage, CancellationToken cancellationToken)
    {
        if (modelId is null || !UnifiedModelId.TryParse(modelId, out var id))
        {
            return null;
        }

        var snapshot = _readModel.Current ?? await _readModel.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (!snapshot.TryGet(id, out var stored))
        {
            return null;
        }

        CostBreakdown cost;
        try
        {
            cost = CostCalculator.Calculate(stored.Model, ToTokenUsage(usage));
        }
        catch (ArgumentException e)
        {
            // The provider's counts are inconsistent (cached above input, say): report it rather than fail a good response.
            CostLog.UsageNotPriced(_logger, modelId, e.Message);
            return null;
        }

        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", id.ProviderId },
            { "gen_ai.response.model", modelId },
        };
        if (usage.InputTokenCount is { } input)
        {
            var inputTags = tags;
            inputTags.Add("gen_ai.token.type", "input");
            _metrics.TokenUsage.Record(input, inputTags);
        }

        if (usage.OutputTokenCount is { } output)
        {
            var outputTags = tags;
            outputTags.Add("gen_ai.token.type", "output");
            _metrics.TokenUsage.Record(output, outputTags);
        }

        tags.Add("modelcatalog.cost.complete", cost.IsComplete);
        _metrics.Cost.Add((double)cost.Total, tags);
        return cost;
    }

    // Microsoft.Extensions.AI counts like OpenAI: input includes cached input, output includes reasoning. The audio counts
    // are experimental in 10.11 (MEAI001) and not read: audio is priced as plain input and output.
    internal static TokenUsage ToTokenUsage(UsageDetails usage) => new()
    {
        InputTokens = usage.InputTokenCount ?? 0,
        OutputTokens = usage.OutputTokenCount ?? 0,
        CachedInputTokens = usage.CachedInputTokenCount ?? 0,
        ReasoningTokens = usage.ReasoningTokenCount ?? 0,
    };
}
