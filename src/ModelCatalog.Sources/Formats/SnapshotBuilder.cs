using System.Text.Json;
using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>
/// Collects models, aliases and rejections while a reader walks a file. Entries whose upstream keys differ but map to
/// one unified ID are aliases: the entry whose key spells the ID best is kept (the ID itself, then a key qualified
/// with a provider prefix, then the ordinally smallest key), so the choice does not depend on file order. A key that
/// appears twice is a rejection naming the ID (the first occurrence is kept). Kept entries are turned into the
/// host's model type, through the mapping, when the snapshot is built (the upstream document is still alive then).
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly List<Entry> _entries = [];
    private readonly List<SyncRejection> _rejections = [];
    private readonly List<SyncAlias> _aliases = [];
    private readonly Dictionary<UnifiedModelId, int> _entryById = [];

    public int Entries { get; private set; }

    public void Reject(string? key, string reason) => _rejections.Add(new SyncRejection(Entries++, key, reason));

    /// <summary>Rejects an entry whose unified ID is known (so that model is not taken for missing upstream).</summary>
    public void Reject(string? key, string reason, UnifiedModelId id) => _rejections.Add(new SyncRejection(Entries++, key, reason) { Id = id });

    public void Skip() => Entries++;

    /// <summary>The ID made of its parts, or the "no ID" value when they do not form one.</summary>
    public static UnifiedModelId IdOrEmpty(string? providerId, string? modelName)
        => providerId is not null && modelName is not null
            && UnifiedModelId.IsValidProviderId(providerId, out _, out _) && UnifiedModelId.IsValidModelName(modelName, out _, out _)
            ? UnifiedModelId.Create(providerId, modelName)
            : default;

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

    /// <summary>Adds the model read from <paramref name="record"/> (valid until the snapshot is built).</summary>
    public void Add(string upstreamKey, JsonElement record, CatalogModel model)
    {
        if (model.Config is { } config && !CatalogJson.TryValidate(config, out string? problem))
        {
            Reject(upstreamKey, $"its record {problem}", model.Id);
            return;
        }

        int index = Entries++;
        if (!_entryById.TryGetValue(model.Id, out int at))
        {
            _entryById[model.Id] = _entries.Count;
            _entries.Add(new Entry(upstreamKey, record, model));
            return;
        }

        var kept = _entries[at];
        if (string.Equals(kept.Key, upstreamKey, StringComparison.Ordinal))
        {
            _rejections.Add(new SyncRejection(index, upstreamKey, "the key appears more than once in the file (the first occurrence is kept)") { Id = model.Id });
            return;
        }

        if (Better(upstreamKey, kept.Key, model.Id))
        {
            _entries[at] = new Entry(upstreamKey, record, model);
            _aliases.Add(new SyncAlias(model.Id, kept.Key, upstreamKey));
        }
        else
        {
            _aliases.Add(new SyncAlias(model.Id, upstreamKey, kept.Key));
        }
    }

    public ModelSnapshot<TModel> Build<TModel>(CatalogMapping<TModel> mapping, string sourceName, string? version, DateTimeOffset fetchedAt)
        where TModel : class
    {
        var models = new List<TModel>(_entries.Count);
        foreach (var entry in _entries)
        {
            models.Add(mapping.Map(entry.Model, entry.Record));
        }

        // An alias whose kept entry changed later still names the entry finally kept.
        var aliases = new List<SyncAlias>(_aliases.Count);
        foreach (var alias in _aliases)
        {
            string keptKey = _entries[_entryById[alias.Id]].Key;
            if (!string.Equals(alias.Key, keptKey, StringComparison.Ordinal))
            {
                aliases.Add(alias with { KeptKey = keptKey });
            }
        }

        aliases.Sort(static (a, b) => a.Id.CompareTo(b.Id) is var byId && byId != 0 ? byId : string.CompareOrdinal(a.Key, b.Key));
        return new(sourceName, version, fetchedAt, models) { Rejections = _rejections, Aliases = aliases };
    }

    // The key that spells the ID best wins: the ID itself, then a key qualified with a prefix, then the smallest.
    private static bool Better(string candidate, string current, UnifiedModelId id)
    {
        int byRank = Rank(candidate, id).CompareTo(Rank(current, id));
        return byRank != 0 ? byRank < 0 : string.CompareOrdinal(candidate, current) < 0;
    }

    private static int Rank(string key, UnifiedModelId id)
    {
        var name = id.ModelNameSpan;
        if (key.Length == id.ProviderId.Length + 1 + name.Length && key.AsSpan().StartsWith(id.ProviderId, StringComparison.Ordinal)
            && key.AsSpan().EndsWith(name, StringComparison.Ordinal) && key[id.ProviderId.Length] == '/')
        {
            return 0;
        }

        return key.Length > name.Length && key.AsSpan().EndsWith(name, StringComparison.Ordinal) && key[key.Length - name.Length - 1] == '/' ? 1 : 2;
    }

    private readonly record struct Entry(string Key, JsonElement Record, CatalogModel Model);
}
