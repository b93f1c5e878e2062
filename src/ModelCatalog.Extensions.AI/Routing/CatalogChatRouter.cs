using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelCatalog.ReadModel;

namespace ModelCatalog.Extensions.AI;

/// <summary>
/// An <see cref="IChatClient"/> that routes each call by unified model ID: it reads <see cref="ChatOptions.ModelId"/>
/// (or <see cref="ChatRoutingOptions.DefaultModelId"/>), resolves it in the catalog's read model, and calls the
/// provider's client (by DI, the <see cref="IChatClient"/> registered with <c>AddKeyedChatClient(providerId, ...)</c>)
/// with <see cref="ChatOptions.ModelId"/> replaced by the upstream name. Responses and every streamed update carry the
/// unified ID of the model that answered.
/// </summary>
/// <remarks>
/// <para>
/// <b>Refusals.</b> No model, an invalid ID, an unknown, inactive or retired model and a provider without a client fail
/// with a <see cref="ModelRoutingException"/> naming the <see cref="ModelRoutingException.Reason"/>, before any provider
/// client is called (for streaming: when enumeration starts). The resolution is the catalog's own
/// (<see cref="CatalogSnapshot{TModel}.Lookup(string, bool)"/>, the rules the gateway applies): exact match first, the
/// optional case-insensitive fallback, the model's active switch.
/// </para>
/// <para>
/// <b>Consistency.</b> Each call reads the read model's current snapshot once; a catalog edit is visible to every call
/// that starts after the edit returned (the catalog refreshes its read model before returning), so a deactivated model
/// is never called by a later call. A call already in flight finishes on the snapshot it started with.
/// </para>
/// <para>
/// <b>Lifecycle</b> (<see cref="CatalogModel.Lifecycle"/>; other model types have none). A deprecated model is called
/// and logged once as a warning naming its successor; a retired model (status <see cref="ModelStatus.Retired"/>, or
/// <see cref="ModelLifecycle.RetiresAt"/> passed by the <see cref="TimeProvider"/>) is refused, or routed to its
/// successor with <see cref="ChatRoutingOptions.RouteRetiredToSuccessor"/>.
/// </para>
/// <para>
/// <b>Why not <c>RoutingChatClient</c>.</b> Microsoft.Extensions.AI 10.11 has an abstract <c>RoutingChatClient</c>
/// (marked experimental, diagnostic <c>MEAI001</c>). This router does not derive from it: its API may still change, it
/// clones <see cref="ChatOptions"/> and allocates a routing context on every call even when nothing needs to change,
/// and it has no hook to put the unified ID back on responses and streamed updates. The router is a plain
/// <see cref="IChatClient"/> instead: it clones the options only to set the upstream name, and hands back the provider's
/// task itself when it completed synchronously. Revisit when <c>RoutingChatClient</c> is stable.
/// </para>
/// <para>
/// The router does not own the provider clients and does not dispose them. Compose middleware around it with
/// <see cref="ChatClientBuilder"/> (<c>AddChatClientRouting</c> returns one), around each provider client with its own
/// <c>AddKeyedChatClient</c> builder.
/// </para>
/// </remarks>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class CatalogChatRouter<TModel> : IChatClient
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>How many successor links a retired model is followed through before the call is refused.</summary>
    public const int MaxSuccessorHops = 8;

    private readonly IModelReadModel<TModel> _readModel;
    private readonly Func<string, IChatClient?> _providerClients;
    private readonly string? _defaultModelId;
    private readonly bool _caseInsensitiveFallback;
    private readonly bool _routeRetiredToSuccessor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ChatRouteTable<TModel>? _table;

    /// <summary>Creates the router.</summary>
    /// <param name="readModel">The catalog's read model.</param>
    /// <param name="providerClients">The client for a provider ID, or <see langword="null"/> when there is none.</param>
    /// <param name="options">The routing options; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for retirement dates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where deprecation warnings go; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="ChatRoutingOptions.DefaultModelId"/> is not a unified model ID.</exception>
    public CatalogChatRouter(
        IModelReadModel<TModel> readModel,
        Func<string, IChatClient?> providerClients,
        ChatRoutingOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<CatalogChatRouter<TModel>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        ArgumentNullException.ThrowIfNull(providerClients);
        _readModel = readModel;
        _providerClients = providerClients;
        _defaultModelId = options?.DefaultModelId;
        if (_defaultModelId is not null && !UnifiedModelId.TryParse(_defaultModelId, out _, out var error, out var position))
        {
            throw new ArgumentException($"The default model '{_defaultModelId}' is not a unified model ID: {error.Describe(position)}", nameof(options));
        }

        _caseInsensitiveFallback = options?.CaseInsensitiveFallback ?? false;
        _routeRetiredToSuccessor = options?.RouteRetiredToSuccessor ?? false;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var snapshot = _readModel.Current;
        if (snapshot is null)
        {
            return LoadThenRespondAsync(messages, options, cancellationToken);
        }

        Routed routed;
        try
        {
            routed = Route(snapshot, options);
        }
        catch (ModelRoutingException e)
        {
            return Task.FromException<ChatResponse>(e);
        }

        var task = routed.Client.GetResponseAsync(messages, routed.Options, cancellationToken);
        if (task.IsCompletedSuccessfully)
        {
            task.Result.ModelId = routed.Route.IdText; // the provider's own task: nothing allocated for the hand-back
            return task;
        }

        return StampAsync(task, routed.Route.IdText);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StreamAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// <see cref="ChatClientMetadata"/>: with no key, the configured default model's provider ID and unified ID (both
    /// <see langword="null"/> without a default); with a unified ID string as <paramref name="serviceKey"/>, that model's
    /// provider ID and canonical ID from the current snapshot (the provider client's own URI included), or
    /// <see langword="null"/> when it does not resolve. The router itself for its own type; otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="serviceType">The type of service asked for.</param>
    /// <param name="serviceKey">A unified model ID string, or <see langword="null"/>.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata(serviceKey as string ?? (serviceKey is null ? _defaultModelId : null));
        }

        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Does nothing: the router owns neither the read model nor the provider clients.</summary>
    public void Dispose()
    {
    }

    private ChatClientMetadata? Metadata(string? model)
    {
        if (model is null)
        {
            return new ChatClientMetadata();
        }

        if (_readModel.Current is not { } snapshot)
        {
            return null;
        }

        var lookup = snapshot.Lookup(model, _caseInsensitiveFallback);
        if (lookup.Index < 0)
        {
            return null;
        }

        var route = Table(snapshot).RouteAt(lookup.Index);
        var provider = _providerClients(route.ProviderId)?.GetService<ChatClientMetadata>();
        return new ChatClientMetadata(route.ProviderId, provider?.ProviderUri, route.IdText);
    }

    private async Task<ChatResponse> LoadThenRespondAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var routed = Route(await _readModel.GetSnapshotAsync(cancellationToken).ConfigureAwait(false), options);
        var response = await routed.Client.GetResponseAsync(messages, routed.Options, cancellationToken).ConfigureAwait(false);
        response.ModelId = routed.Route.IdText;
        return response;
    }

    private static async Task<ChatResponse> StampAsync(Task<ChatResponse> task, string modelId)
    {
        var response = await task.ConfigureAwait(false);
        response.ModelId = modelId;
        return response;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshot = _readModel.Current ?? await _readModel.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var routed = Route(snapshot, options);
        await foreach (var update in routed.Client.GetStreamingResponseAsync(messages, routed.Options, cancellationToken).ConfigureAwait(false))
        {
            update.ModelId = routed.Route.IdText;
            yield return update;
        }
    }

    private Routed Route(CatalogSnapshot<TModel> snapshot, ChatOptions? options)
    {
        string requested = options?.ModelId ?? _defaultModelId ?? throw new ModelRoutingException(ModelRoutingFailure.NoModel, string.Empty);
        var lookup = snapshot.Lookup(requested, _caseInsensitiveFallback);
        switch (lookup.Status)
        {
            case ModelLookupStatus.InvalidId:
                throw new ModelRoutingException(ModelRoutingFailure.InvalidId, requested, lookup.ParseError, lookup.ParseErrorPosition, successorId: null);
            case ModelLookupStatus.Unknown:
                throw new ModelRoutingException(ModelRoutingFailure.Unknown, requested);
            case ModelLookupStatus.Inactive:
                throw new ModelRoutingException(ModelRoutingFailure.Inactive, requested);
        }

        var table = Table(snapshot);
        var route = table.RouteAt(lookup.Index);
        if (route.Lifecycle is not null)
        {
            route = ApplyLifecycle(table, route, requested);
        }

        var client = _providerClients(route.ProviderId) ?? throw new ModelRoutingException(ModelRoutingFailure.ProviderNotRegistered, requested);
        var routedOptions = options?.Clone() ?? new ChatOptions();
        routedOptions.ModelId = route.UpstreamModelName;
        return new Routed(route, client, routedOptions);
    }

    private ChatRoute ApplyLifecycle(ChatRouteTable<TModel> table, ChatRoute route, string requested)
    {
        if (!route.IsRetired(_time))
        {
            if (route.IsDeprecated(_time) && route.TakeDeprecationWarning())
            {
                RoutingLog.Deprecated(_logger, route.IdText, route.Lifecycle!.RetiresAt, route.Lifecycle.SuccessorId?.ToString() ?? "not named");
            }

            return route;
        }

        var retired = route;
        for (int hop = 0; hop < MaxSuccessorHops && _routeRetiredToSuccessor; hop++)
        {
            if (route.Lifecycle?.SuccessorId is not { } successorId)
            {
                break;
            }

            var lookup = table.Snapshot.Lookup(successorId, caseInsensitiveFallback: false);
            if (!lookup.IsFound)
            {
                break;
            }

            route = table.RouteAt(lookup.Index);
            if (!route.IsRetired(_time))
            {
                RoutingLog.RoutedToSuccessor(_logger, retired.IdText, route.IdText);
                return route;
            }
        }

        throw new ModelRoutingException(ModelRoutingFailure.Retired, requested, UnifiedModelIdError.None, 0, retired.Lifecycle!.SuccessorId);
    }

    // The route table of this snapshot: made once per snapshot (racing callers may each make one; all are equivalent).
    private ChatRouteTable<TModel> Table(CatalogSnapshot<TModel> snapshot)
    {
        var table = Volatile.Read(ref _table);
        if (table is not null && ReferenceEquals(table.Snapshot, snapshot))
        {
            return table;
        }

        var made = new ChatRouteTable<TModel>(snapshot, table);
        if (table is null || snapshot.Generation > table.Snapshot.Generation)
        {
            Interlocked.CompareExchange(ref _table, made, table);
        }

        return made;
    }

    private readonly record struct Routed(ChatRoute Route, IChatClient Client, ChatOptions Options);
}
