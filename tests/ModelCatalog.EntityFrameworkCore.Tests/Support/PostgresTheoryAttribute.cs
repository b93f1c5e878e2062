namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>
/// A theory that needs the PostgreSQL server named by <c>MODELCATALOG_POSTGRES</c>: skipped with a visible reason when the
/// variable is missing, except under <c>CI=true</c>, where it runs and fails (CI must never skip it silently).
/// </summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
