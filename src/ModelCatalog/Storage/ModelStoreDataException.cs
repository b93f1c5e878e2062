namespace ModelCatalog.Storage;

/// <summary>
/// A stored value cannot be read back: a column holds text the catalog never writes (edited by hand, damaged on disk,
/// written by a newer version). An infrastructure failure that no retry fixes; the message names the model and the
/// column, so the row can be repaired (or the model deleted and synced again).
/// </summary>
public sealed class ModelStoreDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStoreDataException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which value of which model cannot be read, and why.</param>
    public ModelStoreDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which value of which model cannot be read, and why.</param>
    /// <param name="innerException">The parser's own error.</param>
    public ModelStoreDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
