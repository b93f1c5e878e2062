using Microsoft.EntityFrameworkCore;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

// The start-up check: one row of each table with every mapped column, so both a missing table and a table made by an
// older version (a missing column) are found before the first request or sync.
public partial class EfCoreModelStore<TModel, TContext> : IModelStoreSchema
{
    /// <inheritdoc/>
    public async ValueTask VerifySchemaAsync(CancellationToken cancellationToken = default)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            try
            {
                await Models(context).Select(Projection).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                await context.Set<ModelHistoryRecord>().AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StoreErrors.IsMissingSchema(exception))
            {
                throw new ModelStoreSchemaException(
                    $"The model catalog's tables are missing or out of date in this database ({exception.Message.TrimEnd('.')}). " +
                    "Create them before the host starts: call EfCoreModelStore.EnsureCreatedAsync() at start-up (tools, quick starts, a new database), " +
                    "or apply your EF Core migrations (dotnet ef database update) that include modelBuilder.ApplyModelCatalog<T>().",
                    exception);
            }
        }
    }
}
