using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ModelCatalog.EntityFrameworkCore.SyncWorker;

/// <summary>
/// Stops the process in the middle of a batch: after <c>n</c> commands inside a transaction it prints
/// <c>HANGING</c> and blocks, so the test can kill the process while the transaction is open.
/// </summary>
internal sealed class HangInterceptor(int afterCommands) : DbCommandInterceptor
{
    private int _count;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        MaybeHang(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MaybeHang(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void MaybeHang(DbCommand command)
    {
        if (command.Transaction is null || Interlocked.Increment(ref _count) < afterCommands)
        {
            return;
        }

        Console.Out.WriteLine("HANGING");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
