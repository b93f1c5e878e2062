using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ModelCatalog.Gateway;

namespace ModelCatalog.Yarp;

/// <summary>
/// Wraps the client's response body while YARP copies the upstream response into it, and writes the client's unified
/// ID back: event streams line by line as they arrive (<see cref="SseModelRewriter"/>), JSON bodies once whole
/// (<see cref="ResponseModelRewriter"/>, bounded by <see cref="ModelCatalogProxyOptions.MaxResponseBodyLength"/>),
/// anything else (compressed bodies, other media types) unchanged.
/// </summary>
/// <remarks>The mode is chosen from the response headers YARP copied, before the first byte reaches the client.</remarks>
internal sealed class ModelResponseStream : Stream
{
    private enum Mode : byte
    {
        Undecided,
        PassThrough,
        Json,
        EventStream,
    }

    private readonly HttpResponse _response;
    private readonly Stream _inner;
    private readonly JsonEncodedText _model;
    private readonly ModelCatalogProxyOptions _options;
    private readonly PooledBufferWriter _buffer = new();
    private SseModelRewriter? _events;
    private Mode _mode;

    public ModelResponseStream(HttpResponse response, Stream inner, JsonEncodedText model, ModelCatalogProxyOptions options)
    {
        _response = response;
        _inner = inner;
        _model = model;
        _options = options;
        response.OnStarting(static state => ((ModelResponseStream)state).OnStarting(), this);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        switch (Decide())
        {
            case Mode.EventStream:
                _events!.Write(buffer.Span, _buffer);
                await DrainAsync(cancellationToken).ConfigureAwait(false);
                return;
            case Mode.Json when _buffer.WrittenCount + (long)buffer.Length <= _options.MaxResponseBodyLength:
                _buffer.Write(buffer.Span);
                return;
            case Mode.Json:
                // Too large to hold: what was held goes out as it came, and so does the rest.
                _mode = Mode.PassThrough;
                await DrainAsync(cancellationToken).ConfigureAwait(false);
                break;
        }

        await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken)
        => _mode == Mode.Json ? Task.CompletedTask : _inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    /// <summary>Ends the upstream body: writes the rewritten JSON body or the stream's last line.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        switch (_mode)
        {
            case Mode.Json:
                using (var rewritten = new PooledBufferWriter(_buffer.WrittenCount + _model.EncodedUtf8Bytes.Length + 2))
                {
                    ResponseModelRewriter.Rewrite(_buffer.WrittenSpan, _model, rewritten);
                    if (!_response.HasStarted)
                    {
                        _response.ContentLength = rewritten.WrittenCount;
                    }

                    _mode = Mode.PassThrough;

                    // Kestrel copies the bytes into its output before the write completes, so the array can go back after it.
                    await _inner.WriteAsync(rewritten.WrittenMemory, cancellationToken).ConfigureAwait(false);
                }

                break;
            case Mode.EventStream:
                _events!.Complete(_buffer);
                await DrainAsync(cancellationToken).ConfigureAwait(false);
                break;
        }

        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Returns the held body's array to the pool; the middleware disposes the stream when the request ends.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private Mode Decide()
    {
        if (_mode != Mode.Undecided)
        {
            return _mode;
        }

        var encoded = _response.Headers.ContentEncoding;
        var plain = encoded.Count == 0 || (encoded.Count == 1 && string.Equals(encoded[0], "identity", StringComparison.OrdinalIgnoreCase));
        _mode = !plain ? Mode.PassThrough
            : MediaTypes.IsEventStream(_response.ContentType) ? Mode.EventStream
            : MediaTypes.IsJson(_response.ContentType) ? Mode.Json
            : Mode.PassThrough;
        if (_mode == Mode.EventStream)
        {
            _events = new SseModelRewriter(_model, _options.MaxSseLineLength);
        }

        return _mode;
    }

    private Task OnStarting()
    {
        // The rewritten body's length differs from the upstream's: a JSON body sets its own when complete (if it is
        // still held), a stream goes out chunked.
        if (Decide() is Mode.EventStream or Mode.Json)
        {
            _response.Headers.Remove(HeaderNames.ContentLength);
        }

        return Task.CompletedTask;
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _inner.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }
    }
}
