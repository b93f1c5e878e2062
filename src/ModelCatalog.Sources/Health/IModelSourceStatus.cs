namespace ModelCatalog.Sources;

/// <summary>A source that tracks how its syncs went, for <see cref="ModelSourceHealthCheck"/>.</summary>
public interface IModelSourceStatus
{
    /// <summary>The source's name.</summary>
    string Name { get; }

    /// <summary>The current status (an immutable snapshot).</summary>
    ModelSourceStatus Status { get; }
}
