namespace ModelCatalog.Gateway;

/// <summary>
/// Where the gateway finds models. A host adapts its catalog or store to this interface;
/// <see cref="InMemoryGatewayModelDirectory"/> serves a fixed list.
/// </summary>
/// <remarks>
/// Implementations return every model, active or not, visible or not: resolution and listings apply those flags.
/// </remarks>
public interface IGatewayModelDirectory
{
    /// <summary>Finds the model whose ID equals <paramref name="id"/> (ordinal, case-sensitive).</summary>
    /// <param name="id">The unified model ID.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The model, or <see langword="null"/> when there is none.</returns>
    ValueTask<GatewayModel?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the one model whose ID equals <paramref name="id"/> ignoring case (ordinal, invariant case folding).
    /// </summary>
    /// <param name="id">The unified model ID as the client spelled it.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The model, or <see langword="null"/> when none or more than one model matches.</returns>
    ValueTask<GatewayModel?> FindIgnoreCaseAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>Lists every model in <see cref="UnifiedModelId"/> order (provider ID, then model name, ordinal).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The models in ID order; listings and paging rely on that order.</returns>
    IAsyncEnumerable<GatewayModel> ListAsync(CancellationToken cancellationToken = default);
}
