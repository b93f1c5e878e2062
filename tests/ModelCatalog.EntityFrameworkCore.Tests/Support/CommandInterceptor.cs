using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>Runs a callback on the n-th command executed inside a transaction (fault injection mid-batch).</summary>
public sealed class CommandInterceptor(int atCommand, Action<DbCommand> callback) : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Observe(DbCommand command)
    {
        if (command.Transaction is not null && Interlocked.Increment(ref _count) == atCommand)
        {
            callback(command);
        }
    }
}
