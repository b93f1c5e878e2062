namespace ModelCatalog.Gateway;

/// <summary>Reads the listed models (active and visible) from a directory, whole, by page or one by ID.</summary>
public static class ModelListing
{
    /// <summary>Every listed model, in ID order (OpenAI's <c>GET /v1/models</c> has no paging).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The active, visible models.</returns>
    public static async ValueTask<IReadOnlyList<GatewayModel>> ListAsync(IGatewayModelDirectory directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var models = new List<GatewayModel>();
        await foreach (var model in directory.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (model.IsListed)
            {
                models.Add(model);
            }
        }

        return models;
    }

    /// <summary>One page of listed models, as Anthropic's <c>GET /v1/models</c> pages.</summary>
    /// <param name="directory">The directory; its models must come in ID order.</param>
    /// <param name="query">The page requested.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    public static async ValueTask<GatewayModelPage> PageAsync(IGatewayModelDirectory directory, ModelListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(query);

        // One more than the limit tells whether there are more.
        var window = new Queue<GatewayModel>(Math.Min(query.Limit + 1, 64));
        var backward = !query.BeforeId.IsEmpty;
        await foreach (var model in directory.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!model.IsListed)
            {
                continue;
            }

            if (backward)
            {
                // Keep the last Limit + 1 models before the cursor.
                if (model.Id >= query.BeforeId)
                {
                    break;
                }

                window.Enqueue(model);
                if (window.Count > query.Limit + 1)
                {
                    window.Dequeue();
                }
            }
            else if (query.AfterId.IsEmpty || model.Id > query.AfterId)
            {
                window.Enqueue(model);
                if (window.Count > query.Limit)
                {
                    break;
                }
            }
        }

        var hasMore = window.Count > query.Limit;
        if (hasMore && backward)
        {
            window.Dequeue();
        }

        var page = window.Take(query.Limit).ToArray();
        return new GatewayModelPage(page, hasMore);
    }

    /// <summary>The listed model with exactly <paramref name="id"/>, or <see langword="null"/> when it is unknown, inactive or hidden.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="id">The unified ID.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The model or <see langword="null"/>.</returns>
    public static async ValueTask<GatewayModel?> FindListedAsync(IGatewayModelDirectory directory, UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var model = await directory.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return model is { IsListed: true } ? model : null;
    }
}
