using System.Data.Common;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>Recognises provider errors without referencing the providers (by SQLSTATE and SQLite result code).</summary>
internal static class StoreErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>A unique or primary-key violation: PostgreSQL 23505, SQLite 19 (SQLITE_CONSTRAINT).</summary>
    public static bool IsUniqueViolation(Exception exception)
        => Find(exception) is { } db
            && (db.SqlState == "23505" || (IsSqlite(db) && db.ErrorCode == SqliteConstraint && db.Message.Contains("UNIQUE", StringComparison.Ordinal)));

    /// <summary>A transaction PostgreSQL aborted to let a concurrent one finish: deadlock (40P01) or serialization failure (40001).</summary>
    public static bool IsTransientConflict(Exception exception)
        => Find(exception) is { SqlState: "40P01" or "40001" };

    private static bool IsSqlite(DbException exception) => exception.GetType().Name == "SqliteException";

    private static DbException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException db)
            {
                return db;
            }
        }

        return null;
    }
}
