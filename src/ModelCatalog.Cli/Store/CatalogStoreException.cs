namespace ModelCatalog.Cli.Store;

/// <summary>The catalog database could not be opened, read or written; the message names the database and the cause.</summary>
internal sealed class CatalogStoreException(string message, Exception? innerException = null) : Exception(message, innerException);
