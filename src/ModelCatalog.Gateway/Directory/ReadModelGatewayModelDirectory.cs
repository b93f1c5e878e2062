using System.Runtime.CompilerServices;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace ModelCatalog.Gateway;

/// <summary>
/// Serves the gateway from the catalog's in-memory read model (the default behind
/// <c>AddCatalogGatewayModelDirectory&lt;TModel&gt;()</c>): no store query per request. Each snapshot is projected once
/// into <see cref="GatewayModel"/>s, when it is published (models unchanged since the previous snapshot keep their
/// <see cref="GatewayModel"/>), so a look-up is two array reads and allocates nothing. The mapping is
/// <see cref="CatalogGatewayModelDirectory{TModel}"/>'s unless a <c>map</c> is given.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class ReadModelGatewayModelDirectory<TModel> : IGatewayModelDirectory, IDisposable
    where TModel : class, ICatalogModel<TModel>
{
    private readonly IModelReadModel<TModel> _readModel;
    private readonly Func<StoredModel<TModel>, GatewayModel> _map;
    private readonly Lock _projecting = new();
    private View? _view;

    /// <summary>Creates the directory.</summary>
    /// <param name="readModel">The catalog's read model.</param>
    /// <param name="map">Turns a stored model into a gateway model; the catalog directory's mapping when <see langword="null"/>.</param>
    public ReadModelGatewayModelDirectory(IModelReadModel<TModel> readModel, Func<StoredModel<TModel>, GatewayModel>? map = null)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        _readModel = readModel;
        _map = map ?? CatalogGatewayModelDirectory<TModel>.Map;
        _readModel.SnapshotChanged += OnSnapshotChanged;
    }

    /// <inheritdoc />
    public ValueTask<GatewayModel?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => FindAsync(id, ignoreCase: false, cancellationToken);

    /// <inheritdoc />
    public ValueTask<GatewayModel?> FindIgnoreCaseAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => FindAsync(id, ignoreCase: true, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<GatewayModel> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var view = TryCurrent(out var current) ? current : await GetViewAsync(cancellationToken).ConfigureAwait(false);
        foreach (var model in view.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return model;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _readModel.SnapshotChanged -= OnSnapshotChanged;

    // Synchronous (and allocation-free) once the current snapshot is projected; only the first look-up may wait for a load.
    private ValueTask<GatewayModel?> FindAsync(UnifiedModelId id, bool ignoreCase, CancellationToken cancellationToken)
    {
        return TryCurrent(out var view) ? new(Find(view, id, ignoreCase)) : Slow(id, ignoreCase, cancellationToken);

        async ValueTask<GatewayModel?> Slow(UnifiedModelId id, bool ignoreCase, CancellationToken cancellationToken)
            => Find(await GetViewAsync(cancellationToken).ConfigureAwait(false), id, ignoreCase);
    }

    private static GatewayModel? Find(View view, UnifiedModelId id, bool ignoreCase)
    {
        int index = ignoreCase ? view.Snapshot.IndexOfIgnoreCase(id) : view.Snapshot.IndexOf(id);
        return index >= 0 ? view.Models[index] : null;
    }

    // The projection of the read model's current snapshot, when it is there already.
    private bool TryCurrent(out View view)
    {
        view = Volatile.Read(ref _view)!;
        return view is not null && ReferenceEquals(view.Snapshot, _readModel.Current);
    }

    private async ValueTask<View> GetViewAsync(CancellationToken cancellationToken)
        => Project(await _readModel.GetSnapshotAsync(cancellationToken).ConfigureAwait(false));

    private void OnSnapshotChanged(CatalogSnapshot<TModel> snapshot) => Project(snapshot);

    private View Project(CatalogSnapshot<TModel> snapshot)
    {
        lock (_projecting)
        {
            var previous = _view;
            if (previous is not null && (ReferenceEquals(previous.Snapshot, snapshot) || previous.Snapshot.Generation > snapshot.Generation))
            {
                return ReferenceEquals(previous.Snapshot, snapshot) ? previous : new View(snapshot, Map(snapshot, previous));
            }

            var view = new View(snapshot, Map(snapshot, previous));
            Volatile.Write(ref _view, view);
            return view;
        }
    }

    private GatewayModel[] Map(CatalogSnapshot<TModel> snapshot, View? previous)
    {
        var models = new GatewayModel[snapshot.Count];
        for (int i = 0; i < models.Length; i++)
        {
            var stored = snapshot.Models[i];
            int before = previous?.Snapshot.IndexOf(snapshot.Ids[i]) ?? -1;
            models[i] = before >= 0 && ReferenceEquals(previous!.Snapshot.Models[before], stored) ? previous.Models[before] : _map(stored);
        }

        return models;
    }

    private sealed record View(CatalogSnapshot<TModel> Snapshot, GatewayModel[] Models);
}
