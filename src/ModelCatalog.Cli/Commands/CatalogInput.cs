using System.Globalization;
using ModelCatalog.Cli.Output;
using ModelCatalog.Sources;
using ModelCatalog.Sync;

namespace ModelCatalog.Cli.Commands;

/// <summary>
/// What <c>sync</c> reads: a catalog file, or an <c>http(s)://</c> URL fetched once with the sources package's HTTP
/// source (size limit, content-type and shape checks, version from ETag / Last-Modified / content hash). Every
/// failure is reported on stderr, ends with "Nothing was written." and gives <see langword="null"/>.
/// </summary>
internal static class CatalogInput
{
    /// <summary>A catalog read and how its format was decided.</summary>
    public sealed record Read(ModelSnapshot<CatalogModel> Snapshot, CatalogFormat? Format, bool FormatDetected);

    /// <summary>Whether the argument names a URL rather than a file.</summary>
    public static bool IsUrl(string input, out Uri uri)
        => Uri.TryCreate(input, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static async Task<Read?> FromFileAsync(
        FileInfo file, CatalogFormat? format, string? source, string? version, long limit, CliConsole console, CancellationToken cancellationToken)
    {
        if (Directory.Exists(file.FullName))
        {
            console.Error($"error: '{file.FullName}' is a directory, not a catalog file. Nothing was written.");
            return null;
        }

        if (!file.Exists)
        {
            console.Error($"error: the catalog file '{file.FullName}' does not exist. Nothing was written.");
            return null;
        }

        if (file.Length > limit)
        {
            console.Error(string.Create(CultureInfo.InvariantCulture,
                $"error: the catalog file '{file.Name}' is {file.Length / 1024.0 / 1024.0:F1} MiB, larger than the {limit / 1024 / 1024} MiB limit (raise it with --max-file-size). Nothing was written."));
            return null;
        }

        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            bool detected = false;
            if (format is null && CatalogImporter.TryDetectFormat(bytes, out var found))
            {
                format = found;
                detected = true;
            }

            console.Progress($"Reading {file.Name}{(format is { } f ? $" ({CatalogImporter.Name(f)})" : string.Empty)}…");
            var snapshot = CatalogImporter.Read(bytes, format, source, version, DateTimeOffset.UtcNow);
            snapshot = snapshot.Version is null ? snapshot with { Version = Path.GetFileNameWithoutExtension(file.Name) } : snapshot;
            return new Read(snapshot, format, detected);
        }
        catch (CatalogFormatException exception)
        {
            console.Error($"error: {file.Name}: {Sentence.End(exception.Message)} Nothing was written.");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error($"error: cannot read '{file.FullName}': {Sentence.End(exception.Message)} Nothing was written.");
            return null;
        }
    }

    public static async Task<Read?> FromUrlAsync(
        Uri uri, CatalogFormat? format, string? source, string? version, long limit, CliConsole console, CancellationToken cancellationToken)
    {
        // One attempt with a bounded wait: a person at a terminal retries; the scheduled host sync is the one with
        // retries and a circuit breaker (AddHttpSource).
        var options = new HttpCatalogSourceOptions
        {
            Uri = uri,
            Format = format,
            Name = source,
            MaxResponseBytes = limit,
            MaxRetryAttempts = 0,
            AttemptTimeout = TimeSpan.FromSeconds(60),
            TotalTimeout = TimeSpan.FromSeconds(60),
        };
        using var client = new HttpClient { Timeout = options.TotalTimeout };
        var http = new HttpCatalogSource<CatalogModel>(client, options, CatalogMapping.Default);
        console.Progress($"Fetching {uri}{(format is { } f ? $" ({CatalogImporter.Name(f)})" : string.Empty)}…");
        try
        {
            var snapshot = await http.FetchAsync(cancellationToken).ConfigureAwait(false);
            return new Read(version is null ? snapshot : snapshot with { Version = version }, format, FormatDetected: false);
        }
        catch (CatalogFetchException exception)
        {
            // The message names the URL and ends with "Nothing was synced."; the tool's own ending is "written".
            console.Error($"error: {Sentence.End(exception.Message.Replace("Nothing was synced.", string.Empty, StringComparison.Ordinal).TrimEnd())} Nothing was written.");
            return null;
        }
    }
}
