using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>
/// Collects models and rejections while a reader walks a file, and resolves collisions deterministically: when two
/// upstream keys map to one unified ID, the first in file order is kept and each later one is rejected naming it.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly List<CatalogModel> _models = [];
    private readonly List<SyncRejection> _rejections = [];
    private readonly Dictionary<UnifiedModelId, string> _keyById = [];

    public int Entries { get; private set; }

    public void Reject(string? key, string reason) => _rejections.Add(new SyncRejection(Entries++, key, reason));

    public void Skip() => Entries++;

    /// <summary>Builds the ID from its parts; on failure rejects the entry with the grammar's reason.</summary>
    public bool TryCreateId(string upstreamKey, string providerId, string modelName, out UnifiedModelId id)
    {
        id = default;
        if (!UnifiedModelId.IsValidProviderId(providerId, out var error, out int position))
        {
            Reject(upstreamKey, $"provider '{providerId}' is not a valid provider ID: {error.Describe(position)}");
            return false;
        }

        if (!UnifiedModelId.IsValidModelName(modelName, out error, out position))
        {
            Reject(upstreamKey, $"model name '{modelName}' is not valid: {error.Describe(position)}");
            return false;
        }

        id = UnifiedModelId.Create(providerId, modelName);
        return true;
    }

    public void Add(string upstreamKey, CatalogModel model)
    {
        if (_keyById.TryGetValue(model.Id, out var first))
        {
            Reject(upstreamKey, string.Equals(first, upstreamKey, StringComparison.Ordinal)
                ? "the key appears more than once in the file (the first occurrence is kept)"
                : $"maps to '{model.Id}', which upstream key '{first}' already took (the first in file order is kept)");
            return;
        }

        _keyById[model.Id] = upstreamKey;
        _models.Add(model);
        Entries++;
    }

    public ModelSnapshot<CatalogModel> Build(string sourceName, string? version, DateTimeOffset fetchedAt)
        => new(sourceName, version, fetchedAt, _models) { Rejections = _rejections };
}
