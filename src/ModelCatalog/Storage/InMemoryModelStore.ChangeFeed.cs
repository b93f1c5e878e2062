using ModelCatalog.ReadModel;

namespace ModelCatalog.Storage;

// The change feed of the in-memory store: the marker counts applied batches, and every model written remembers the
// marker of its last write (deleted ones too), so "what changed since" is one pass over that table.
public partial class InMemoryModelStore<TModel> : IModelChangeFeed<TModel>
{
    private readonly Dictionary<UnifiedModelId, long> _changedAt = [];
    private long _changeMarker;

    /// <inheritdoc/>
    /// <remarks>Always <see langword="false"/>: nothing outside this process writes an in-memory store.</remarks>
    public bool IsShared => false;

    /// <inheritdoc/>
    public ValueTask<long> GetChangeMarkerAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_changeMarker);
        }
    }

    /// <inheritdoc/>
    public ValueTask<ModelStoreContents<TModel>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var models = new StoredModel<TModel>[_order.Count];
            int i = 0;
            foreach (var id in _order)
            {
                models[i++] = Copy(_models[id]);
            }

            return ValueTask.FromResult(new ModelStoreContents<TModel>(models, _changeMarker));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ModelChangeSet<TModel>?> GetChangesSinceAsync(long marker, int maxChanges, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (marker > _changeMarker)
            {
                return ValueTask.FromResult<ModelChangeSet<TModel>?>(null);
            }

            var changed = new List<StoredModel<TModel>>();
            var removed = new List<UnifiedModelId>();
            foreach (var (id, at) in _changedAt)
            {
                if (at <= marker)
                {
                    continue;
                }

                if (changed.Count + removed.Count == maxChanges)
                {
                    return ValueTask.FromResult<ModelChangeSet<TModel>?>(null);
                }

                if (_models.TryGetValue(id, out var stored))
                {
                    changed.Add(Copy(stored));
                }
                else
                {
                    removed.Add(id);
                }
            }

            return ValueTask.FromResult<ModelChangeSet<TModel>?>(new ModelChangeSet<TModel>(changed, removed, _changeMarker));
        }
    }

    // Called under the lock by Apply, once per batch that writes.
    private void RecordChanges(IEnumerable<UnifiedModelId> ids)
    {
        _changeMarker++;
        foreach (var id in ids)
        {
            _changedAt[id] = _changeMarker;
        }
    }
}
