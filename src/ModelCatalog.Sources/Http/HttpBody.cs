namespace ModelCatalog.Sources;

/// <summary>Reads a response body into memory with a hard size bound (the declared length is checked first).</summary>
internal static class HttpBody
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, Uri uri, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(uri, maxBytes, $"declares {declared:N0} bytes, more");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream(content.Headers.ContentLength is { } length ? (int)length : 81_920);
            byte[] chunk = new byte[81_920];
            while (true)
            {
                int read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(uri, maxBytes, "is longer");
                }

                buffer.Write(chunk, 0, read);
            }
        }
    }

    private static CatalogFetchException TooLarge(Uri uri, long maxBytes, string what)
        => new($"GET {uri}: the body {what} than the {maxBytes:N0}-byte limit (raise MaxResponseBytes / --max-file-size). Nothing was synced.");
}
