using ModelCatalog.Storage;

namespace ModelCatalog.Extensions.AI;

/// <summary>
/// One catalog model as the router needs it, computed once per model and snapshot so a call allocates nothing for it:
/// the unified ID's text (what callers see), the provider ID (the keyed client), the upstream name (what the provider
/// receives) and the lifecycle.
/// </summary>
internal sealed class ChatRoute
{
    private int _deprecationLogged;

    public ChatRoute(object stored, UnifiedModelId id, ModelLifecycle? lifecycle)
    {
        Stored = stored;
        Id = id;
        IdText = id.ToString();
        ProviderId = id.ProviderId;
        UpstreamModelName = id.ModelName; // the catalog's upstream name is the ID's model name (as the gateway's)
        Lifecycle = lifecycle;
    }

    /// <summary>The <see cref="StoredModel{TModel}"/> this route was made from: an unchanged model keeps its route.</summary>
    public object Stored { get; }

    public UnifiedModelId Id { get; }

    public string IdText { get; }

    public string ProviderId { get; }

    public string UpstreamModelName { get; }

    public ModelLifecycle? Lifecycle { get; }

    /// <summary>Retired: the status says so, or the announced retirement instant has passed.</summary>
    public bool IsRetired(TimeProvider time)
        => Lifecycle is { } l && (l.Status == ModelStatus.Retired || (l.RetiresAt is { } at && at <= time.GetUtcNow()));

    /// <summary>Deprecated (and not retired): the status says so, or the deprecation instant has passed.</summary>
    public bool IsDeprecated(TimeProvider time)
        => Lifecycle is { } l && (l.Status == ModelStatus.Deprecated || (l.DeprecatedAt is { } at && at <= time.GetUtcNow()));

    /// <summary>True the first time only: a deprecated model is logged once per route, not on every call.</summary>
    public bool TakeDeprecationWarning() => Interlocked.Exchange(ref _deprecationLogged, 1) == 0;
}
