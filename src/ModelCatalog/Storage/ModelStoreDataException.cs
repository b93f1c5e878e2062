namespace ModelCatalog.Storage;

/// <summary>
/// A stored value cannot be read back: a column holds text the catalog never writes (edited by hand, damaged on disk,
/// written by a newer version). An infrastructure failure that no retry fixes. The message names the model and the
/// value where the store knows them (sync state, history, the ID itself); a damaged JSON column of the model's own
/// properties is read by a value converter that does not know its row, so its message quotes the column's start instead.
/// </summary>
/// <remarks>
/// A context with EF Core's <c>EnableDetailedErrors</c> wraps the exceptions its value converters throw in an
/// <see cref="InvalidOperationException"/>; this exception is then its <see cref="Exception.InnerException"/>.
/// </remarks>
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
