using ModelCatalog.ReadModel;

namespace ModelCatalog.Extensions.AI;

/// <summary>
/// The routes of one snapshot, position for position with <see cref="CatalogSnapshot{TModel}.Models"/>, made on first
/// use (a refresh costs one array, not a route per model) and taken over from the previous table for models the refresh
/// did not change.
/// </summary>
internal sealed class ChatRouteTable<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    private readonly ChatRoute?[] _routes;
    private ChatRouteTable<TModel>? _previous;

    public ChatRouteTable(CatalogSnapshot<TModel> snapshot, ChatRouteTable<TModel>? previous)
    {
        Snapshot = snapshot;
        _routes = new ChatRoute?[snapshot.Count];
        _previous = previous;
        if (previous is not null)
        {
            previous._previous = null; // keep one table behind, never a chain
        }
    }

    public CatalogSnapshot<TModel> Snapshot { get; }

    public ChatRoute RouteAt(int index) => Volatile.Read(ref _routes[index]) ?? Create(index);

    private ChatRoute Create(int index)
    {
        var stored = Snapshot.Models[index];
        ChatRoute? route = null;
        if (_previous is { } previous)
        {
            int before = previous.Snapshot.IndexOf(Snapshot.Ids[index]);
            if (before >= 0 && Volatile.Read(ref previous._routes[before]) is { } old && ReferenceEquals(old.Stored, stored))
            {
                route = old;
            }
        }

        route ??= new ChatRoute(stored, Snapshot.Ids[index], (stored.Model as CatalogModel)?.Lifecycle);
        return Interlocked.CompareExchange(ref _routes[index], route, null) ?? route;
    }
}
