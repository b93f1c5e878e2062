namespace ModelCatalog.EntityFrameworkCore;

/// <summary>
/// One row of the append-only history table, as EF Core maps it. The store reads and writes it; hosts may query it
/// for reports (<c>context.Set&lt;ModelHistoryRecord&gt;()</c>) but should never update or delete rows.
/// </summary>
public sealed class ModelHistoryRecord
{
    /// <summary>The position in the history: an identity (SQLite <c>AUTOINCREMENT</c>, PostgreSQL identity column).</summary>
    public long Sequence { get; set; }

    /// <summary>The model's provider ID (<c>provider_id</c>, case-sensitive).</summary>
    public string ProviderId { get; set; } = string.Empty;

    /// <summary>The model's name (<c>model_name</c>, case-sensitive).</summary>
    public string ModelName { get; set; } = string.Empty;

    /// <summary>When it happened (stored in UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What happened.</summary>
    public ModelCatalog.Storage.ModelChangeKind Kind { get; set; }

    /// <summary>The sync source, for sync entries.</summary>
    public string? SourceName { get; set; }

    /// <summary>The source version, for sync entries.</summary>
    public string? SourceVersion { get; set; }

    /// <summary>
    /// The field changes as a JSON array of objects with <c>field</c>, <c>policy</c>, <c>decision</c>, <c>old</c> and
    /// <c>new</c> (the values themselves as JSON).
    /// </summary>
    public string Changes { get; set; } = "[]";
}
