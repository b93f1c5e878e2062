using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace ModelCatalog.Gateway;

/// <summary>An immutable <see cref="IGatewayModelDirectory"/> over a list of models, for tests, samples and small hosts.</summary>
public sealed class InMemoryGatewayModelDirectory : IGatewayModelDirectory
{
    private readonly GatewayModel[] _sorted;
    private readonly FrozenDictionary<UnifiedModelId, GatewayModel> _byId;
    private readonly FrozenDictionary<string, GatewayModel?> _byIdIgnoreCase;

    /// <summary>Creates a directory over <paramref name="models"/>.</summary>
    /// <param name="models">The models; their IDs must be distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two models share an ID.</exception>
    public InMemoryGatewayModelDirectory(IEnumerable<GatewayModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byId = new Dictionary<UnifiedModelId, GatewayModel>();
        var byIdIgnoreCase = new Dictionary<string, GatewayModel?>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            if (!byId.TryAdd(model.Id, model))
            {
                throw new ArgumentException($"Two models have the ID '{model.Id}'.", nameof(models));
            }

            var key = model.Id.ToString();

            // Two IDs that differ only by case make the case-insensitive look-up ambiguous: it then finds nothing.
            byIdIgnoreCase[key] = byIdIgnoreCase.ContainsKey(key) ? null : model;
        }

        _sorted = [.. byId.Values.OrderBy(static m => m.Id)];
        _byId = byId.ToFrozenDictionary();
        _byIdIgnoreCase = byIdIgnoreCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The models in <see cref="UnifiedModelId"/> order.</summary>
    public IReadOnlyList<GatewayModel> Models => _sorted;

    /// <inheritdoc />
    public ValueTask<GatewayModel?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => new(_byId.GetValueOrDefault(id));

    /// <inheritdoc />
    public ValueTask<GatewayModel?> FindIgnoreCaseAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => new(id.IsEmpty ? null : _byIdIgnoreCase.GetValueOrDefault(id.ToString()));

    /// <inheritdoc />
    public async IAsyncEnumerable<GatewayModel> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var model in _sorted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return model;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
