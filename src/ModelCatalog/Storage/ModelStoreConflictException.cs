namespace ModelCatalog.Storage;

/// <summary>
/// A batch was refused because the store changed since it was read: a model's version differs from the expected one,
/// a model to update or delete is gone, or a model to create already exists. Nothing of the batch was applied; read
/// again and retry.
/// </summary>
public sealed class ModelStoreConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStoreConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicted.</param>
    public ModelStoreConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The store's own error.</param>
    public ModelStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="id">The model that conflicted.</param>
    /// <param name="kind">Why.</param>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The store's own error, if any.</param>
    public ModelStoreConflictException(UnifiedModelId id, ModelConflictKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelId = id;
        Kind = kind;
    }

    /// <summary>The model that conflicted, when known.</summary>
    public UnifiedModelId ModelId { get; }

    /// <summary>Why the batch conflicted.</summary>
    public ModelConflictKind Kind { get; }
}
