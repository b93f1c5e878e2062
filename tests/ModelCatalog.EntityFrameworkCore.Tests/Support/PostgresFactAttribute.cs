namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>A fact that needs PostgreSQL; see <see cref="PostgresTheoryAttribute"/>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
