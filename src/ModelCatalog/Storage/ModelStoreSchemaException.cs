namespace ModelCatalog.Storage;

/// <summary>
/// The store's tables are missing or older than the mapping (a column is missing): an infrastructure failure that no
/// retry fixes. The message names the fixes.
/// </summary>
public sealed class ModelStoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStoreSchemaException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to fix it.</param>
    public ModelStoreSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to fix it.</param>
    /// <param name="innerException">The database's own error.</param>
    public ModelStoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
