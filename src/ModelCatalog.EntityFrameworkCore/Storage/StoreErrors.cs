using System.Data.Common;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>
/// Recognises provider errors without referencing the providers: by SQLSTATE (PostgreSQL and other standard providers)
/// and by SQLite's extended result code, read from <c>SqliteException.SqliteExtendedErrorCode</c>.
/// </summary>
internal static class StoreErrors
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// A unique or primary-key violation: PostgreSQL 23505, SQLite 19 (SQLITE_CONSTRAINT) as SQLITE_CONSTRAINT_UNIQUE
    /// or SQLITE_CONSTRAINT_PRIMARYKEY.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception)
        => Find(exception) is { } db
            && (db.SqlState == "23505" || SqliteExtendedErrorCode(db) is SqliteConstraintUnique or SqliteConstraintPrimaryKey);

    /// <summary>A transaction PostgreSQL aborted to let a concurrent one finish: deadlock (40P01) or serialization failure (40001).</summary>
    public static bool IsTransientConflict(Exception exception)
        => Find(exception) is { SqlState: "40P01" or "40001" };

    /// <summary>
    /// A table or column that does not exist: PostgreSQL 42P01 (undefined table) or 42703 (undefined column); SQLite's
    /// generic error with its "no such table" / "no such column" text (SQLite has no code of its own for it).
    /// </summary>
    public static bool IsMissingSchema(Exception exception) => IsMissingTable(exception) || IsMissingColumn(exception);

    /// <summary>A table that does not exist: PostgreSQL 42P01; SQLite's generic error with its "no such table" text.</summary>
    public static bool IsMissingTable(Exception exception) => IsSchemaError(exception, "42P01", "no such table");

    /// <summary>A column that does not exist (a table made by an older version): PostgreSQL 42703; SQLite's "no such column".</summary>
    public static bool IsMissingColumn(Exception exception) => IsSchemaError(exception, "42703", "no such column");

    /// <summary>The database itself does not exist: PostgreSQL 3D000 (invalid catalog name). SQLite creates its file instead.</summary>
    public static bool IsMissingDatabase(Exception exception) => Find(exception) is { SqlState: "3D000" };

    private static bool IsSchemaError(Exception exception, string sqlState, string sqliteText)
        => Find(exception) is { } db
            && (db.SqlState == sqlState || (SqliteExtendedErrorCode(db) == 1 && db.Message.Contains(sqliteText, StringComparison.Ordinal)));

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Only reads a public property of the provider's exception; EF Core itself is not trim-safe.")]
    private static int? SqliteExtendedErrorCode(DbException exception)
        => exception.GetType().Name == "SqliteException"
            ? exception.GetType().GetProperty("SqliteExtendedErrorCode")?.GetValue(exception) as int?
            : null;

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
