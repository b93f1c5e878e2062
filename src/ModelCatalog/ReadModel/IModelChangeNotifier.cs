namespace ModelCatalog.ReadModel;

/// <summary>
/// Pushes "the store changed" to the read model as it happens, on top of polling (PostgreSQL's <c>LISTEN/NOTIFY</c> is
/// one). Registered as a singleton; the read model's hosted service runs <see cref="ListenAsync"/> for the host's
/// lifetime.
/// </summary>
/// <typeparam name="TModel">The catalog model type whose store this notifier watches.</typeparam>
public interface IModelChangeNotifier<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>
    /// Listens until cancelled, calling <paramref name="changed"/> for every notification and <paramref name="resync"/>
    /// after (re)connecting, when notifications may have been missed. Reconnects by itself when its connection drops.
    /// </summary>
    /// <param name="changed">Asks for a refresh.</param>
    /// <param name="resync">Asks for a full reload.</param>
    /// <param name="cancellationToken">Stops listening.</param>
    /// <returns>A task that completes when listening stopped.</returns>
    Task ListenAsync(Action changed, Action resync, CancellationToken cancellationToken);
}
