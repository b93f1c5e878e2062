namespace ModelCatalog.Storage;

/// <summary>The kind of a <see cref="ModelWrite{TModel}"/>.</summary>
public enum ModelWriteKind
{
    /// <summary>Insert a new model; fails if its ID or key exists.</summary>
    Create = 0,

    /// <summary>Replace a model, conditional on its version.</summary>
    Update = 1,

    /// <summary>Remove a model, conditional on its version.</summary>
    Delete = 2,
}
