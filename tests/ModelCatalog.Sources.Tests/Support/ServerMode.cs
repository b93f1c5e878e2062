namespace ModelCatalog.Sources.Tests.Support;

/// <summary>How <see cref="CatalogServer"/> answers.</summary>
public enum ServerMode
{
    /// <summary>The file, with ETag and Last-Modified; 304 when the request's validator matches.</summary>
    Ok,

    /// <summary>500 Internal Server Error.</summary>
    Error500,

    /// <summary>Waits far longer than any test timeout before answering.</summary>
    Slow,

    /// <summary>Aborts the connection before any byte of the response.</summary>
    Reset,

    /// <summary>Declares the full length, sends half of the body, then aborts the connection.</summary>
    Truncated,

    /// <summary>A 200 HTML page (a proxy's or a login page).</summary>
    Html,

    /// <summary>A 200 HTML page labelled application/json.</summary>
    HtmlLabelledJson,

    /// <summary>The file sent chunked, with no declared length.</summary>
    Chunked,
}
