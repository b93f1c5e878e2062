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
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Reads a catalog from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="format">Its format.</param>
    /// <param name="sourceName">The source name; for the native format, the file's own <c>source</c> wins when this is <see langword="null"/>.</param>
    /// <param name="version">The source version; for the native format, the file's own <c>version</c> wins when this is <see langword="null"/>.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <returns>The snapshot, with rejections.</returns>
    /// <exception cref="CatalogFormatException">The bytes are not JSON of the format's shape; the message says where.</exception>
    public static ModelSnapshot<CatalogModel> Read(ReadOnlyMemory<byte> utf8Json, CatalogFormat format, string? sourceName, string? version, DateTimeOffset fetchedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new CatalogFormatException(
                $"The {Name(format)} file is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var builder = new SnapshotBuilder();
            string defaultSource = Name(format);
            switch (format)
            {
                case CatalogFormat.ModelCatalog:
                    var (fileSource, fileVersion) = NativeCatalogReader.Read(document.RootElement, builder);
                    sourceName ??= fileSource;
                    version ??= fileVersion;
                    break;
                case CatalogFormat.LiteLlm:
                    LiteLlmCatalogReader.Read(document.RootElement, builder);
                    break;
                case CatalogFormat.OpenRouter:
                    OpenRouterCatalogReader.Read(document.RootElement, builder);
                    break;
                case CatalogFormat.ModelsDev:
                    ModelsDevCatalogReader.Read(document.RootElement, builder);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown catalog format.");
            }

            return builder.Build(string.IsNullOrEmpty(sourceName) ? defaultSource : sourceName, version, fetchedAt);
        }
    }

    /// <summary>Reads a catalog file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="sourceName">The source name, or <see langword="null"/> for the file's own or the format's name.</param>
    /// <param name="version">The source version, or <see langword="null"/> for the file's own or the file name.</param>
    /// <param name="fetchedAt">When the data was fetched.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, with rejections.</returns>
    /// <exception cref="CatalogFormatException">The file is not JSON of the format's shape.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<ModelSnapshot<CatalogModel>> ReadFileAsync(
        string path, CatalogFormat format, string? sourceName, string? version, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var snapshot = Read(bytes, format, sourceName, version, fetchedAt);
        return snapshot.Version is null ? snapshot with { Version = Path.GetFileNameWithoutExtension(path) } : snapshot;
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
