using System.Text.Json;
using ModelCatalog.Sync;

namespace ModelCatalog.Sources;

/// <summary>
/// Turns a catalog file (ModelCatalog's own format, LiteLLM, OpenRouter, models.dev) into a snapshot of
/// <see cref="CatalogModel"/>s. A file that cannot be read as a whole throws <see cref="CatalogFormatException"/>;
/// an entry that cannot be mapped is rejected with its upstream key and a reason, and the rest is imported.
/// </summary>
public static class CatalogImporter
{
    // The file may nest deeper than a stored value (its own envelope plus the record): a record deeper than
    // CatalogJson.MaxDepth is rejected on its own (SnapshotBuilder), only a file beyond this fails as a whole.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Reads a catalog of the built-in <see cref="CatalogModel"/> from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="format">Its format, or <see langword="null"/> to detect it from the content (<see cref="TryDetectFormat"/>).</param>
    /// <param name="sourceName">The source name; for the native format, the file's own <c>source</c> wins when this is <see langword="null"/>.</param>
    /// <param name="version">The source version; for the native format, the file's own <c>version</c> wins when this is <see langword="null"/>.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <returns>The snapshot, with aliases and rejections.</returns>
    /// <exception cref="CatalogFormatException">The bytes are not JSON of the format's shape (the message names the
    /// format the content looks like, when it looks like another one), or no format was given and none can be told.</exception>
    public static ModelSnapshot<CatalogModel> Read(ReadOnlyMemory<byte> utf8Json, CatalogFormat? format, string? sourceName, string? version, DateTimeOffset fetchedAt)
        => Read(utf8Json, format, CatalogMapping.Default, sourceName, version, fetchedAt);

    /// <summary>Reads a catalog of the host's model type from UTF-8 JSON.</summary>
    /// <typeparam name="TModel">The host's model type.</typeparam>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="format">Its format, or <see langword="null"/> to detect it from the content.</param>
    /// <param name="mapping">Makes the host's model of each kept entry.</param>
    /// <param name="sourceName">The source name; for the native format, the file's own <c>source</c> wins when this is <see langword="null"/>.</param>
    /// <param name="version">The source version; for the native format, the file's own <c>version</c> wins when this is <see langword="null"/>.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <returns>The snapshot, with aliases and rejections.</returns>
    /// <exception cref="CatalogFormatException">The bytes are not JSON of the format's shape, or no format can be told.</exception>
    public static ModelSnapshot<TModel> Read<TModel>(
        ReadOnlyMemory<byte> utf8Json, CatalogFormat? format, CatalogMapping<TModel> mapping, string? sourceName, string? version, DateTimeOffset fetchedAt)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(mapping);
        using var document = Parse(utf8Json, format);
        if (CatalogJson.TryFindInvalidText(utf8Json.Span, out int line, out int column, out string? problem))
        {
            // Reading such text means replacing characters, and an ID or key changed that way could collide with
            // another; a corrupted download is refused whole rather than partly guessed.
            string what = format is { } named ? $"The {Name(named)} file" : "The catalog";
            throw new CatalogFormatException(
                $"{what} holds {problem} at line {line}, column {column}: text that cannot be read without replacing characters. Nothing was imported.");
        }

        var root = document.RootElement;
        var detected = CatalogFormatDetector.Detect(root);
        if (format is null)
        {
            format = detected ?? throw new CatalogFormatException(
                "The catalog's format cannot be told from its content (not a ModelCatalog file, LiteLLM price map, OpenRouter models response or models.dev catalog); name the format explicitly.");
        }
        else if (detected is { } likely && likely != format)
        {
            // Reading one format as another would reject every entry (or worse, half of them): refuse the file instead.
            throw new CatalogFormatException(
                $"This looks like {CatalogFormatDetector.Describe(likely)}, not {CatalogFormatDetector.Describe(format.Value)}: read it as '{Name(likely)}' (or leave the format out to detect it).");
        }

        var builder = new SnapshotBuilder();
        switch (format.Value)
        {
            case CatalogFormat.ModelCatalog:
                var (fileSource, fileVersion) = NativeCatalogReader.Read(root, builder);
                sourceName ??= fileSource;
                version ??= fileVersion;
                break;
            case CatalogFormat.LiteLlm:
                LiteLlmCatalogReader.Read(root, builder);
                break;
            case CatalogFormat.OpenRouter:
                OpenRouterCatalogReader.Read(root, builder);
                break;
            case CatalogFormat.ModelsDev:
                ModelsDevCatalogReader.Read(root, builder);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown catalog format.");
        }

        return builder.Build(mapping, string.IsNullOrEmpty(sourceName) ? Name(format.Value) : sourceName, version, fetchedAt);
    }

    /// <summary>Tells a catalog's format from its content.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="format">The format the content has.</param>
    /// <returns><see langword="false"/> when the bytes are not JSON or match no format's shape.</returns>
    public static bool TryDetectFormat(ReadOnlyMemory<byte> utf8Json, out CatalogFormat format)
    {
        format = default;
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            if (CatalogFormatDetector.Detect(document.RootElement) is { } detected)
            {
                format = detected;
                return true;
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads a catalog file of the built-in <see cref="CatalogModel"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format, or <see langword="null"/> to detect it from the content.</param>
    /// <param name="sourceName">The source name, or <see langword="null"/> for the file's own or the format's name.</param>
    /// <param name="version">The source version, or <see langword="null"/> for the file's own or the file name.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, with aliases and rejections.</returns>
    /// <exception cref="CatalogFormatException">The file is not JSON of the format's shape.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Task<ModelSnapshot<CatalogModel>> ReadFileAsync(
        string path, CatalogFormat? format, string? sourceName, string? version, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
        => ReadFileAsync(path, format, CatalogMapping.Default, sourceName, version, fetchedAt, cancellationToken);

    /// <summary>Reads a catalog file of the host's model type.</summary>
    /// <typeparam name="TModel">The host's model type.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format, or <see langword="null"/> to detect it from the content.</param>
    /// <param name="mapping">Makes the host's model of each kept entry.</param>
    /// <param name="sourceName">The source name, or <see langword="null"/> for the file's own or the format's name.</param>
    /// <param name="version">The source version, or <see langword="null"/> for the file's own or the file name.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, with aliases and rejections.</returns>
    /// <exception cref="CatalogFormatException">The file is not JSON of the format's shape.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<ModelSnapshot<TModel>> ReadFileAsync<TModel>(
        string path, CatalogFormat? format, CatalogMapping<TModel> mapping, string? sourceName, string? version, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var snapshot = Read(bytes, format, mapping, sourceName, version, fetchedAt);
        return snapshot.Version is null ? snapshot with { Version = Path.GetFileNameWithoutExtension(path) } : snapshot;
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, CatalogFormat? format)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            string what = format is { } known ? $"The {Name(known)} file" : "The catalog";
            throw new CatalogFormatException($"{what} is not valid JSON{Position(exception)}: {Reason(exception)}", exception);
        }
    }

    // System.Text.Json counts lines and bytes from 0; people and editors count from 1, as TryFindInvalidText does.
    private static string Position(JsonException exception)
        => exception.LineNumber is { } line && exception.BytePositionInLine is { } column ? $" at line {line + 1}, column {column + 1}" : string.Empty;

    // The reader's message ends with its own 0-based "LineNumber: 0 | BytePositionInLine: 5."; Position says it instead.
    private static string Reason(JsonException exception)
    {
        string message = exception.Message;
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>The format's default source name: <c>modelcatalog</c>, <c>litellm</c>, <c>openrouter</c> or <c>modelsdev</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    public static string Name(CatalogFormat format) => format switch
    {
        CatalogFormat.ModelCatalog => "modelcatalog",
        CatalogFormat.LiteLlm => "litellm",
        CatalogFormat.OpenRouter => "openrouter",
        CatalogFormat.ModelsDev => "modelsdev",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown catalog format."),
    };
}
