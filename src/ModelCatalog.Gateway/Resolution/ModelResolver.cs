using System.Text;

namespace ModelCatalog.Gateway;

/// <summary>
/// Turns the model string a client sent into a catalog model, its provider ID and upstream name, or a typed failure:
/// invalid ID (with the parse reason and position), unknown or inactive.
/// </summary>
/// <remarks>
/// An exact, case-sensitive match always wins. With <see cref="ModelResolverOptions.CaseInsensitiveFallback"/> a
/// miss is retried ignoring case; the result then carries the canonical ID, and the upstream name stays the model's.
/// </remarks>
public sealed class ModelResolver
{
    private readonly IGatewayModelDirectory _directory;
    private readonly bool _caseInsensitiveFallback;

    /// <summary>Creates a resolver over <paramref name="directory"/>.</summary>
    /// <param name="directory">Where models are found.</param>
    /// <param name="options">Matching options; <see langword="null"/> for the defaults (exact match only).</param>
    public ModelResolver(IGatewayModelDirectory directory, ModelResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _caseInsensitiveFallback = options?.CaseInsensitiveFallback ?? false;
    }

    /// <summary>Resolves a model string.</summary>
    /// <param name="requested">The model string as the client sent it.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The resolution; never <see langword="null"/>.</returns>
    public ValueTask<ModelResolution> ResolveAsync(string requested, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return UnifiedModelId.TryParse(requested, out var id, out var error, out var position)
            ? ResolveAsync(requested, id, cancellationToken)
            : new(ModelResolution.Invalid(requested, error, position));
    }

    /// <summary>Resolves a UTF-8 model string (the unescaped JSON value); positions in failures are byte offsets.</summary>
    /// <param name="utf8Requested">The model string in UTF-8.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The resolution; never <see langword="null"/>.</returns>
    public ValueTask<ModelResolution> ResolveAsync(ReadOnlySpan<byte> utf8Requested, CancellationToken cancellationToken = default)
    {
        if (UnifiedModelId.TryParse(utf8Requested, out var id, out var error, out var position))
        {
            return ResolveAsync(id.ToString(), id, cancellationToken);
        }

        // Invalid UTF-8 is kept readable in messages: ill-formed bytes become U+FFFD.
        return new(ModelResolution.Invalid(Encoding.UTF8.GetString(utf8Requested), error, position));
    }

    /// <summary>Resolves an already parsed unified ID.</summary>
    /// <param name="id">The unified ID the client asked for.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The resolution; never <see langword="null"/>.</returns>
    public ValueTask<ModelResolution> ResolveAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => id.IsEmpty
            ? new(ModelResolution.Invalid(string.Empty, UnifiedModelIdError.Empty, 0))
            : ResolveAsync(id.ToString(), id, cancellationToken);

    private async ValueTask<ModelResolution> ResolveAsync(string requested, UnifiedModelId id, CancellationToken cancellationToken)
    {
        var model = await _directory.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (model is not null)
        {
            return ModelResolution.Found(requested, model, caseInsensitiveMatch: false);
        }

        if (_caseInsensitiveFallback)
        {
            model = await _directory.FindIgnoreCaseAsync(id, cancellationToken).ConfigureAwait(false);
            if (model is not null)
            {
                return ModelResolution.Found(requested, model, caseInsensitiveMatch: true);
            }
        }

        return ModelResolution.NotFound(requested);
    }
}
