namespace ModelCatalog.Gateway;

/// <summary>Limits and choices for reading a request body.</summary>
public sealed class ModelRewriteOptions
{
    private int _maxDepth = DefaultMaxDepth;
    private long _maxBodyLength = DefaultMaxBodyLength;

    /// <summary>The default nesting limit: 64, System.Text.Json's own default.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default body limit of the stream and pipe conveniences: 32 MiB.</summary>
    public const long DefaultMaxBodyLength = 32L * 1024 * 1024;

    /// <summary>The options every overload uses when given <see langword="null"/>.</summary>
    public static ModelRewriteOptions Default { get; } = new();

    /// <summary>
    /// How deep objects and arrays may nest (the top-level object counts as 1); deeper bodies are rejected with
    /// <see cref="ModelRewriteError.TooDeep"/>. Default <see cref="DefaultMaxDepth"/>.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value is >= 1 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDepth must be between 1 and 10000.");
    }

    /// <summary>
    /// Whether a leading UTF-8 byte order mark is accepted. Off by default: RFC 8259 forbids sending one and a strict
    /// System.Text.Json parse rejects it, so the body is refused with <see cref="ModelRewriteError.ByteOrderMark"/>.
    /// When on, the mark is skipped for parsing and copied to the output unchanged.
    /// </summary>
    public bool AllowByteOrderMark { get; set; }

    /// <summary>
    /// The longest body the <see cref="System.IO.Pipelines.PipeReader"/> and <see cref="Stream"/> conveniences buffer;
    /// longer bodies fail with <see cref="ModelRewriteError.BodyTooLarge"/>. Default <see cref="DefaultMaxBodyLength"/>.
    /// </summary>
    public long MaxBodyLength
    {
        get => _maxBodyLength;
        set => _maxBodyLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBodyLength must be positive.");
    }
}
