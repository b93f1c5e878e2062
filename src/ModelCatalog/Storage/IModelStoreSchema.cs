namespace ModelCatalog.Storage;

/// <summary>
/// A store whose tables must exist before it can be used (the EF Core store). The catalog's hosted service verifies
/// it when the host starts, so a host that forgot to create them fails at once with a message naming the fixes,
/// instead of retrying "no such table" every minute.
/// </summary>
public interface IModelStoreSchema
{
    /// <summary>Reads one row of every catalog table, with every mapped column.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tables answer.</returns>
    /// <exception cref="ModelStoreSchemaException">A table or column is missing.</exception>
    ValueTask VerifySchemaAsync(CancellationToken cancellationToken = default);
}
