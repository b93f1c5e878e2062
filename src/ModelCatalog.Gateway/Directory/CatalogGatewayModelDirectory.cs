using System.Runtime.CompilerServices;
using ModelCatalog.Storage;

namespace ModelCatalog.Gateway;

/// <summary>
/// Serves the gateway from a model catalog's store: the catalog's unified IDs are the gateway's IDs, the upstream name
/// is the ID's model name, active and visible come from <see cref="IModelAvailability"/>, the display name from
/// <see cref="CatalogModel.DisplayName"/>, and <see cref="GatewayModel.Created"/> is the time embedded in the model's
/// version-7 key (when the catalog first created it). Pass a custom <c>map</c> to change any of that.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class CatalogGatewayModelDirectory<TModel> : IGatewayModelDirectory
    where TModel : class, ICatalogModel<TModel>
{
    private readonly IModelStore<TModel> _store;
    private readonly Func<StoredModel<TModel>, GatewayModel> _map;

    /// <summary>Creates the directory.</summary>
    /// <param name="store">The catalog's store (<c>IModelCatalog&lt;TModel&gt;.Store</c>).</param>
    /// <param name="map">Turns a stored model into a gateway model; the mapping described on the class when <see langword="null"/>.</param>
    public CatalogGatewayModelDirectory(IModelStore<TModel> store, Func<StoredModel<TModel>, GatewayModel>? map = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _map = map ?? Map;
    }

    // The default mapping described on the class (the read-model directory maps the same way).
    internal static GatewayModel Map(StoredModel<TModel> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var availability = stored.Model as IModelAvailability;
        return new GatewayModel(TModel.Merger.GetId(stored.Model))
        {
            DisplayName = (stored.Model as CatalogModel)?.DisplayName ?? string.Empty,
            IsActive = availability?.IsActive ?? true,
            IsVisible = availability?.IsVisible ?? true,
            Created = CreatedAt(stored.Key),
            MaxInputTokens = (stored.Model as CatalogModel)?.ContextWindow,
            MaxOutputTokens = (stored.Model as CatalogModel)?.MaxOutputTokens,
        };
    }

    /// <inheritdoc/>
    public async ValueTask<GatewayModel?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : _map(stored);
    }

    /// <inheritdoc/>
    /// <remarks>Scans the catalog (a case-insensitive match cannot use the case-sensitive index): use it as a fallback.</remarks>
    public async ValueTask<GatewayModel?> FindIgnoreCaseAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        GatewayModel? match = null;
        await foreach (var model in ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(model.Id.ToString(), id.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                if (match is not null)
                {
                    return null; // ambiguous: never guess between two models
                }

                match = model;
            }
        }

        return match;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<GatewayModel> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in _store.EnumerateAllAsync(new ModelQuery { Limit = ModelQuery.MaxLimit }, cancellationToken).ConfigureAwait(false))
        {
            yield return _map(stored);
        }
    }

    // A version-7 GUID starts with the Unix time in milliseconds (48 bits, big-endian).
    private static DateTimeOffset CreatedAt(Guid key)
    {
        if (key.Version != 7)
        {
            return DateTimeOffset.UnixEpoch;
        }

        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
