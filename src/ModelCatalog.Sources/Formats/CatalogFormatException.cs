namespace ModelCatalog.Sources;

/// <summary>A catalog file could not be read as a whole (not JSON, truncated, or not the expected shape). Nothing was synced.</summary>
public sealed class CatalogFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public CatalogFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The parser's error.</param>
    public CatalogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
