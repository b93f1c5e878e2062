using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.ReadModel;
using Npgsql;

namespace ModelCatalog.EntityFrameworkCore.PostgreSQL;

/// <summary>
/// Listens on the channel the EF Core store notifies inside every writing transaction
/// (<see cref="EfCoreChangeNotifications.PostgresChannel"/>): PostgreSQL delivers a notification only when that
/// transaction commits, so each one means committed data, and the read model refreshes at once instead of at its next
/// poll. The listener holds one dedicated connection (not pooled, with TCP keepalive queries so a dead peer is noticed);
/// when it drops (<c>pg_terminate_backend</c>, a failover, a network cut) it reconnects after
/// <see cref="ReconnectDelay"/> and asks for a full reload, because notifications sent meanwhile are lost.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed partial class PostgresChangeNotifier<TModel> : IModelChangeNotifier<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _connections;

    /// <summary>Creates the notifier.</summary>
    /// <param name="connectionString">The catalog database's connection string.</param>
    /// <param name="reconnectDelay">How long to wait before reconnecting after the connection dropped; 1 second when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the reconnect delay.</param>
    /// <param name="logger">Where drops and reconnects are logged.</param>
    public PostgresChangeNotifier(string connectionString, TimeSpan? reconnectDelay = null, TimeProvider? timeProvider = null, ILogger<PostgresChangeNotifier<TModel>>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 5;
        }

        _connectionString = builder.ConnectionString;
        ReconnectDelay = reconnectDelay ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelay, TimeSpan.Zero, nameof(reconnectDelay));
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How long the listener waits before reconnecting.</summary>
    public TimeSpan ReconnectDelay { get; }

    /// <summary>How many times the listener has connected (and issued <c>LISTEN</c>) so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The server process ID of the current listening connection, or 0 when not connected.</summary>
    public int BackendProcessId { get; private set; }

    /// <inheritdoc/>
    public async Task ListenAsync(Action changed, Action resync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(resync);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = new NpgsqlConnection(_connectionString);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, _) => changed();
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    var listen = new NpgsqlCommand("LISTEN " + EfCoreChangeNotifications.PostgresChannel, connection);
                    await using (listen.ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    BackendProcessId = connection.ProcessID;
                    // The first connection may have missed a change since the start-up load (a refresh finds it by the
                    // marker); a reconnection has missed every notification sent while it was down: reload everything.
                    if (Interlocked.Increment(ref _connections) == 1)
                    {
                        changed();
                    }
                    else
                    {
                        LogReconnected(_logger);
                        resync();
                    }

                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                BackendProcessId = 0;
                LogDropped(_logger, ReconnectDelay, exception);
            }

            try
            {
                await Task.Delay(ReconnectDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(30, LogLevel.Warning, "The model catalog's PostgreSQL change listener lost its connection; reconnecting in {ReconnectDelay}")]
    private static partial void LogDropped(ILogger logger, TimeSpan reconnectDelay, Exception exception);

    [LoggerMessage(31, LogLevel.Information, "The model catalog's PostgreSQL change listener reconnected; reloading the read model")]
    private static partial void LogReconnected(ILogger logger);
}
