using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>
/// Records every command (SQL text, whether it ran in a transaction) and runs a callback on the n-th command executed
/// inside a transaction (fault injection mid-batch; 0 never fires).
/// </summary>
public sealed class CommandInterceptor(int atCommand, Action<DbCommand> callback) : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Sql, bool InTransaction)> _commands = new();
    private int _count;

    public CommandInterceptor()
        : this(0, _ => { })
    {
    }

    /// <summary>How many commands ran inside a transaction.</summary>
    public int Count => _count;

    /// <summary>Every command, in order.</summary>
    public IReadOnlyList<(string Sql, bool InTransaction)> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

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

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Observe(DbCommand command)
    {
        _commands.Enqueue((command.CommandText, command.Transaction is not null));
        if (command.Transaction is not null && Interlocked.Increment(ref _count) == atCommand)
        {
            callback(command);
        }
    }
}
