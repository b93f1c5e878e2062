using System.Globalization;

namespace ModelCatalog.Gateway;

/// <summary>Turns a <see cref="ModelRewriteError"/> into a message for the client.</summary>
public static class ModelRewriteErrorExtensions
{
    /// <summary>Describes <paramref name="error"/> found at byte <paramref name="position"/> of the body.</summary>
    /// <param name="error">Why the body was rejected.</param>
    /// <param name="position">The byte offset where the problem was found.</param>
    /// <returns>An English sentence without a trailing period.</returns>
    public static string Describe(this ModelRewriteError error, long position) => error switch
    {
        ModelRewriteError.None => "the request body is valid",
        ModelRewriteError.InvalidUtf8 => At("the request body is not valid UTF-8", position),
        ModelRewriteError.ByteOrderMark => "the request body starts with a byte order mark, which JSON over HTTP must not have",
        ModelRewriteError.InvalidJson => At("the request body is not valid JSON", position),
        ModelRewriteError.TooDeep => At("the request body nests objects and arrays too deeply", position),
        ModelRewriteError.NotAnObject => "the request body must be a JSON object",
        ModelRewriteError.MissingModel => "the request body has no 'model' member",
        ModelRewriteError.ModelNotString => At("the 'model' member must be a string", position),
        ModelRewriteError.DuplicateModel => At("the request body has more than one 'model' member", position),
        ModelRewriteError.UnpairedSurrogate => At("a top-level key or the 'model' value has an escaped unpaired surrogate", position),
        ModelRewriteError.BodyTooLarge => "the request body is too large",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown model rewrite error."),
    };

    private static string At(string message, long position)
        => string.Create(CultureInfo.InvariantCulture, $"{message} (byte {position})");
}
