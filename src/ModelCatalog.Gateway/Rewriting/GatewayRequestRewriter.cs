using System.Buffers;
using System.IO.Pipelines;

namespace ModelCatalog.Gateway;

/// <summary>
/// The request half of a gateway in one call: reads the body's top-level <c>model</c>, resolves it, and writes the
/// body with the upstream model name (Smart Passthrough), or returns the error to answer with.
/// </summary>
/// <remarks>Nothing is written to the output unless the result is a success.</remarks>
public sealed class GatewayRequestRewriter
{
    private readonly ModelResolver _resolver;
    private readonly ModelRewriteOptions _options;

    /// <summary>Creates a rewriter.</summary>
    /// <param name="resolver">Resolves the requested model.</param>
    /// <param name="options">Body limits; <see langword="null"/> for <see cref="ModelRewriteOptions.Default"/>.</param>
    public GatewayRequestRewriter(ModelResolver resolver, ModelRewriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _options = options ?? ModelRewriteOptions.Default;
    }

    /// <summary>Rewrites a body held in memory.</summary>
    /// <param name="body">The UTF-8 request body; must stay valid until the returned task completes.</param>
    /// <param name="output">Receives the rewritten body on success.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The outcome.</returns>
    public async ValueTask<GatewayRequestRewriteResult> RewriteAsync(ReadOnlySequence<byte> body, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!RequestModelRewriter.TryLocate(body, out var location, out var error, out var position, _options))
        {
            return GatewayRequestRewriteResult.Rejected(error, position);
        }

        var resolution = await _resolver.ResolveAsync(location.Value!, cancellationToken).ConfigureAwait(false);
        if (resolution.IsResolved)
        {
            ModelBodyWriter.Write(body, location, resolution.Model.EncodedUpstreamModelName, output);
        }

        return GatewayRequestRewriteResult.Resolved(resolution);
    }

    /// <summary>Reads the whole body from <paramref name="body"/> (up to <see cref="ModelRewriteOptions.MaxBodyLength"/>) and rewrites it.</summary>
    /// <param name="body">The request body, e.g. <c>HttpRequest.BodyReader</c>; consumed but not completed.</param>
    /// <param name="output">Receives the rewritten body on success.</param>
    /// <param name="cancellationToken">Cancels reading and resolution.</param>
    /// <returns>The outcome.</returns>
    public async ValueTask<GatewayRequestRewriteResult> RewriteAsync(PipeReader body, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(output);
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > _options.MaxBodyLength)
            {
                body.AdvanceTo(buffer.End);
                return GatewayRequestRewriteResult.Rejected(ModelRewriteError.BodyTooLarge, _options.MaxBodyLength);
            }

            if (read.IsCanceled)
            {
                // CancelPendingRead: the body is incomplete, so it must not be judged.
                body.AdvanceTo(buffer.Start);
                throw new OperationCanceledException("Reading the request body was canceled.");
            }

            if (read.IsCompleted)
            {
                try
                {
                    return await RewriteAsync(buffer, output, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            // Nothing consumed, everything examined: the next read returns the whole body so far plus more.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads the whole of <paramref name="body"/> (up to <see cref="ModelRewriteOptions.MaxBodyLength"/>) and rewrites it.</summary>
    /// <param name="body">The request body stream; left open.</param>
    /// <param name="output">Receives the rewritten body on success.</param>
    /// <param name="cancellationToken">Cancels reading and resolution.</param>
    /// <returns>The outcome.</returns>
    public async ValueTask<GatewayRequestRewriteResult> RewriteAsync(Stream body, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            return await RewriteAsync(reader, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
