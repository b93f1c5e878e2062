using ModelCatalog.Storage;

namespace ModelCatalog.ReadModel;

/// <summary>
/// One immutable, consistent view of the whole catalog, for hot readers: an exact-ID index, a case-insensitive index,
/// the listed (active and visible) models in unified ID order for listings and keyset paging, and per-provider views.
/// A read model swaps whole snapshots, so a reader holding one never sees half of a sync.
/// </summary>
/// <remarks>
/// The models are shared by every reader of the snapshot: never mutate them (clone with the model type's merger to
/// edit, then write through the catalog). Indexes are plain dictionaries built once and never written afterwards (safe
/// for any number of concurrent readers, and cheaper to build on every refresh than frozen collections).
/// </remarks>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class CatalogSnapshot<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    private const int Ambiguous = -2;
    private static readonly IModelMerger<TModel> Merger = TModel.Merger;

    private readonly StoredModel<TModel>[] _models;
    private readonly UnifiedModelId[] _ids;
    private readonly StoredModel<TModel>[] _listed;
    private readonly Dictionary<UnifiedModelId, int> _byId;
    private readonly Dictionary<string, int> _byIdIgnoreCase;
    private readonly Dictionary<string, (int Start, int Count)> _providers;

    /// <summary>Builds a snapshot over <paramref name="models"/>.</summary>
    /// <param name="models">The models, in any order; their IDs must be distinct and not empty.</param>
    /// <param name="marker">The store's change marker these models correspond to.</param>
    /// <param name="generation">The read model's count of published snapshots (1 for the first).</param>
    /// <param name="createdAt">When the snapshot was built.</param>
    /// <exception cref="ArgumentException">Two models share an ID, or a model has no ID.</exception>
    public CatalogSnapshot(IEnumerable<StoredModel<TModel>> models, long marker, long generation, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(models);
        var list = models as StoredModel<TModel>[] ?? [.. models];
        var ids = new UnifiedModelId[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(models));
            ids[i] = Merger.GetId(list[i].Model);
            if (ids[i].IsEmpty)
            {
                throw new ArgumentException("A model in a snapshot has no unified ID.", nameof(models));
            }
        }

        if (ReferenceEquals(list, models))
        {
            list = (StoredModel<TModel>[])list.Clone(); // never sort the caller's array
        }

        Array.Sort(ids, list);
        _models = list;
        _ids = ids;
        _byId = new Dictionary<UnifiedModelId, int>(list.Length);
        _byIdIgnoreCase = new Dictionary<string, int>(list.Length, StringComparer.OrdinalIgnoreCase);
        _providers = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var listed = new List<StoredModel<TModel>>(list.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            if (!_byId.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"Two models in a snapshot have the ID '{ids[i]}'.", nameof(models));
            }

            // Two IDs that differ only by case make the case-insensitive look-up ambiguous: it then finds nothing.
            var key = ids[i].ToString();
            _byIdIgnoreCase[key] = _byIdIgnoreCase.ContainsKey(key) ? Ambiguous : i;

            // Sorted by provider first, so each provider's models are one contiguous run.
            var provider = ids[i].ProviderId;
            _providers[provider] = _providers.TryGetValue(provider, out var run) ? (run.Start, run.Count + 1) : (i, 1);

            if (IsListed(list[i].Model))
            {
                listed.Add(list[i]);
            }
        }

        _listed = [.. listed];
        Marker = marker;
        Generation = generation;
        CreatedAt = createdAt;
    }

    /// <summary>The store's change marker these models correspond to.</summary>
    public long Marker { get; }

    /// <summary>The read model's count of published snapshots: 1 for the first, one more for each swap.</summary>
    public long Generation { get; }

    /// <summary>When the snapshot was built.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>How many models the catalog holds.</summary>
    public int Count => _models.Length;

    /// <summary>Every model, active or not, visible or not, in unified ID order.</summary>
    public IReadOnlyList<StoredModel<TModel>> Models => _models;

    /// <summary>The IDs of <see cref="Models"/>, position for position.</summary>
    public IReadOnlyList<UnifiedModelId> Ids => _ids;

    /// <summary>
    /// The listed models, in unified ID order: active and visible (<see cref="IModelAvailability"/>; every model when the
    /// type does not implement it).
    /// </summary>
    public IReadOnlyList<StoredModel<TModel>> Listed => _listed;

    /// <summary>The provider IDs that have models, in no particular order.</summary>
    public IEnumerable<string> ProviderIds => _providers.Keys;

    /// <summary>The position of the model with exactly <paramref name="id"/> in <see cref="Models"/>.</summary>
    /// <param name="id">The unified ID (ordinal, case-sensitive).</param>
    /// <returns>The position, or -1.</returns>
    public int IndexOf(UnifiedModelId id) => _byId.TryGetValue(id, out int index) ? index : -1;

    /// <summary>The position of the one model whose ID equals <paramref name="id"/> ignoring case.</summary>
    /// <param name="id">The unified ID as a client spelled it.</param>
    /// <returns>The position, or -1 when no model or more than one model matches.</returns>
    public int IndexOfIgnoreCase(UnifiedModelId id)
        => !id.IsEmpty && _byIdIgnoreCase.TryGetValue(id.ToString(), out int index) && index >= 0 ? index : -1;

    /// <summary>
    /// Resolves a model string as hot readers do: parse it as a unified ID, take the exact (case-sensitive) match, else
    /// — with <paramref name="caseInsensitiveFallback"/> — the one model whose ID matches ignoring case, and refuse a
    /// model that is switched off (<see cref="IModelAvailability.IsActive"/>). Allocates nothing.
    /// </summary>
    /// <param name="requested">The model string as a caller sent it.</param>
    /// <param name="caseInsensitiveFallback">Whether a miss is retried ignoring case (two IDs that differ only by case make it find nothing).</param>
    /// <returns>The lookup: the model's position, or why there is none.</returns>
    public ModelLookup Lookup(string requested, bool caseInsensitiveFallback)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return UnifiedModelId.TryParse(requested, out var id, out var error, out var position)
            ? Lookup(id, caseInsensitiveFallback)
            : new ModelLookup(ModelLookupStatus.InvalidId, -1, error, position, caseInsensitiveMatch: false);
    }

    /// <summary>Resolves an already parsed unified ID (see <see cref="Lookup(string, bool)"/>).</summary>
    /// <param name="id">The unified ID; the "no ID" value is <see cref="ModelLookupStatus.InvalidId"/>.</param>
    /// <param name="caseInsensitiveFallback">Whether a miss is retried ignoring case.</param>
    /// <returns>The lookup.</returns>
    public ModelLookup Lookup(UnifiedModelId id, bool caseInsensitiveFallback)
    {
        if (id.IsEmpty)
        {
            return new ModelLookup(ModelLookupStatus.InvalidId, -1, UnifiedModelIdError.Empty, 0, caseInsensitiveMatch: false);
        }

        int index = IndexOf(id);
        bool ignoringCase = false;
        if (index < 0 && caseInsensitiveFallback)
        {
            index = IndexOfIgnoreCase(id);
            ignoringCase = index >= 0;
        }

        if (index < 0)
        {
            return new ModelLookup(ModelLookupStatus.Unknown, -1, UnifiedModelIdError.None, 0, caseInsensitiveMatch: false);
        }

        var status = _models[index].Model is IModelAvailability { IsActive: false } ? ModelLookupStatus.Inactive : ModelLookupStatus.Found;
        return new ModelLookup(status, index, UnifiedModelIdError.None, 0, ignoringCase);
    }

    /// <summary>Finds the model with exactly <paramref name="id"/>.</summary>
    /// <param name="id">The unified ID (ordinal, case-sensitive).</param>
    /// <param name="model">The model when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(UnifiedModelId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredModel<TModel>? model)
    {
        int index = IndexOf(id);
        model = index < 0 ? null : _models[index];
        return model is not null;
    }

    /// <summary>Finds the one model whose ID equals <paramref name="id"/> ignoring case.</summary>
    /// <param name="id">The unified ID as a client spelled it.</param>
    /// <returns>The model, or <see langword="null"/> when none or more than one matches.</returns>
    public StoredModel<TModel>? FindIgnoreCase(UnifiedModelId id)
    {
        int index = IndexOfIgnoreCase(id);
        return index < 0 ? null : _models[index];
    }

    /// <summary>A provider's models (every model, listed or not), in unified ID order.</summary>
    /// <param name="providerId">The provider ID (ordinal, case-sensitive).</param>
    /// <returns>The models; empty for an unknown provider.</returns>
    public IReadOnlyList<StoredModel<TModel>> ForProvider(string providerId)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        return _providers.TryGetValue(providerId, out var run)
            ? new ArraySegment<StoredModel<TModel>>(_models, run.Start, run.Count)
            : Array.Empty<StoredModel<TModel>>();
    }

    /// <summary>One keyset page of <see cref="Listed"/>: up to <paramref name="limit"/> models strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The cursor (any valid ID, listed or not); the "no ID" value starts at the beginning.</param>
    /// <param name="limit">The page size, at least 1.</param>
    /// <returns>The page, in unified ID order; shorter than <paramref name="limit"/> only at the end.</returns>
    public IReadOnlyList<StoredModel<TModel>> ListedAfter(UnifiedModelId after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int start = 0;
        if (!after.IsEmpty)
        {
            // Binary search for the first listed model after the cursor.
            int low = 0, high = _listed.Length;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (Merger.GetId(_listed[middle].Model) <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            start = low;
        }

        return new ArraySegment<StoredModel<TModel>>(_listed, start, Math.Min(limit, _listed.Length - start));
    }

    /// <summary>Builds the next snapshot: this one with <paramref name="changes"/> applied.</summary>
    /// <param name="changes">The changes read from the store.</param>
    /// <param name="createdAt">When the new snapshot is built.</param>
    /// <returns>The new snapshot, one generation later.</returns>
    public CatalogSnapshot<TModel> With(ModelChangeSet<TModel> changes, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var replaced = new Dictionary<UnifiedModelId, StoredModel<TModel>?>(changes.Changed.Count + changes.Removed.Count);
        foreach (var id in changes.Removed)
        {
            replaced[id] = null;
        }

        foreach (var stored in changes.Changed)
        {
            replaced[Merger.GetId(stored.Model)] = stored;
        }

        var next = new List<StoredModel<TModel>>(_models.Length + changes.Changed.Count);
        for (int i = 0; i < _models.Length; i++)
        {
            if (replaced.Remove(_ids[i], out var update))
            {
                if (update is not null)
                {
                    next.Add(update);
                }
            }
            else
            {
                next.Add(_models[i]);
            }
        }

        foreach (var (_, added) in replaced)
        {
            if (added is not null)
            {
                next.Add(added);
            }
        }

        return new CatalogSnapshot<TModel>(next, changes.Marker, Generation + 1, createdAt);
    }

    private static bool IsListed(TModel model) => model is not IModelAvailability availability || (availability.IsActive && availability.IsVisible);
}
