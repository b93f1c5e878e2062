namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>How the EF Core store announces its writes to other processes.</summary>
public static class EfCoreChangeNotifications
{
    /// <summary>
    /// The PostgreSQL channel every writing transaction of the store notifies (<c>pg_notify('modelcatalog_changes', '')</c>,
    /// delivered by PostgreSQL only when the transaction commits). One channel per database: catalogs in other schemas of
    /// the same database wake each other's listeners, which then find their own change marker unchanged (one row read).
    /// </summary>
    public const string PostgresChannel = "modelcatalog_changes";
}
