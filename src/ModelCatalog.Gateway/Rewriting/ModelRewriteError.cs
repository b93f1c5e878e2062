namespace ModelCatalog.Gateway;

/// <summary>Why a JSON body was rejected instead of rewritten. The rewriter never guesses: each of these is a refusal.</summary>
public enum ModelRewriteError : byte
{
    /// <summary>The body was accepted.</summary>
    None = 0,

    /// <summary>The body is not well-formed UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The body starts with a UTF-8 byte order mark and <see cref="ModelRewriteOptions.AllowByteOrderMark"/> is off.</summary>
    ByteOrderMark,

    /// <summary>The body is not one well-formed JSON value (syntax error, truncated input, trailing data, comments).</summary>
    InvalidJson,

    /// <summary>Objects and arrays nest deeper than <see cref="ModelRewriteOptions.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>The body is valid JSON but not an object.</summary>
    NotAnObject,

    /// <summary>The object has no top-level <c>model</c> member.</summary>
    MissingModel,

    /// <summary>The top-level <c>model</c> member is not a string.</summary>
    ModelNotString,

    /// <summary>The object has two top-level members named <c>model</c>, however spelled (<c>"mod\u0065l"</c>).</summary>
    DuplicateModel,

    /// <summary>
    /// A top-level key or the model value holds an escaped unpaired surrogate (<c>"\ud800"</c>): it has no text, and
    /// a parser that drops or replaces it could read the key as another one.
    /// </summary>
    UnpairedSurrogate,

    /// <summary>The body is longer than <see cref="ModelRewriteOptions.MaxBodyLength"/>.</summary>
    BodyTooLarge,
}
