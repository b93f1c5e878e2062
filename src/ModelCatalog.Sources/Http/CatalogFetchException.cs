namespace ModelCatalog.Sources;

/// <summary>
/// A catalog could not be fetched over HTTP (an error status after retries, a timeout, a cut connection, a body that is
/// too large, HTML instead of JSON). Nothing was synced; the message names the URL and the problem.
/// </summary>
public sealed class CatalogFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogFetchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, and where.</param>
    public CatalogFetchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, and where.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CatalogFetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
