using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// Rewrites the model back to the client's unified ID in an upstream server-sent event stream, incrementally: feed the
/// chunks as they arrive with <see cref="Write(ReadOnlySpan{byte}, IBufferWriter{byte})"/>, then call <see cref="Complete"/> at the end of the stream.
/// </summary>
/// <remarks>
/// <para>Each <c>data:</c> line holding a JSON object has its top-level <c>model</c> (OpenAI chunks) or its
/// <c>message.model</c> (Anthropic <c>message_start</c>) replaced; every other byte — other fields, comments,
/// <c>[DONE]</c>, line endings (<c>\n</c>, <c>\r\n</c>, <c>\r</c>) — is copied unchanged. A line split across
/// chunks at any byte is held until its end arrives, so the output does not depend on how the stream was cut.</para>
/// <para>Events whose data spans several <c>data:</c> lines are rewritten line by line; OpenAI and Anthropic send one
/// line per event. An instance keeps the partial line of one stream: use one per stream, not concurrently.</para>
/// </remarks>
public sealed class SseModelRewriter
{
    private static ReadOnlySpan<byte> DataField => "data:"u8;

    private readonly JsonEncodedText _model;
    private byte[] _pending = [];
    private int _pendingLength;

    /// <summary>Creates a rewriter that writes <paramref name="model"/> into every event that names a model.</summary>
    /// <param name="model">The client's unified ID, already JSON-escaped (see <see cref="RequestModelRewriter.EncodeModel"/>).</param>
    public SseModelRewriter(JsonEncodedText model) => _model = model;

    /// <summary>Creates a rewriter that writes <paramref name="model"/> into every event that names a model.</summary>
    /// <param name="model">The client's unified ID.</param>
    public SseModelRewriter(UnifiedModelId model)
        : this(RequestModelRewriter.EncodeModel(model.ToString()))
    {
    }

    /// <summary>Rewrites the complete lines of <paramref name="chunk"/> to <paramref name="output"/> and keeps a trailing partial line.</summary>
    /// <param name="chunk">The next bytes of the stream.</param>
    /// <param name="output">Receives the rewritten bytes.</param>
    public void Write(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                Append(chunk);
                return;
            }

            if (_pendingLength == 0)
            {
                WriteLine(chunk[..end], output);
            }
            else
            {
                Append(chunk[..end]);
                WriteLine(_pending.AsSpan(0, _pendingLength), output);
                _pendingLength = 0;
            }

            output.Write(chunk.Slice(end, 1));
            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>Rewrites the complete lines of <paramref name="chunk"/> to <paramref name="output"/> and keeps a trailing partial line.</summary>
    /// <param name="chunk">The next bytes of the stream.</param>
    /// <param name="output">Receives the rewritten bytes.</param>
    public void Write(in ReadOnlySequence<byte> chunk, IBufferWriter<byte> output)
    {
        foreach (var segment in chunk)
        {
            Write(segment.Span, output);
        }
    }

    /// <summary>Ends the stream: writes the last line if it had no line ending.</summary>
    /// <param name="output">Receives the rewritten bytes.</param>
    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_pendingLength > 0)
        {
            WriteLine(_pending.AsSpan(0, _pendingLength), output);
            _pendingLength = 0;
        }
    }

    /// <summary>Reads the whole stream from <paramref name="input"/> and writes it rewritten to <paramref name="output"/>, flushing after each read.</summary>
    /// <param name="input">The upstream stream.</param>
    /// <param name="output">The client stream.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the input is exhausted and everything was flushed.</returns>
    public async Task CopyAsync(PipeReader input, PipeWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            Write(result.Buffer, output);
            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                Complete(output);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the whole of <paramref name="input"/> and writes it rewritten to <paramref name="output"/>, flushing after each read.</summary>
    /// <param name="input">The upstream stream; left open.</param>
    /// <param name="output">The client stream; left open.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the input is exhausted and everything was flushed.</returns>
    public async Task CopyAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true));
        var writer = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            await CopyAsync(reader, writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void WriteLine(ReadOnlySpan<byte> line, IBufferWriter<byte> output)
    {
        if (line.StartsWith(DataField))
        {
            var prefix = DataField.Length + (line.Length > DataField.Length && line[DataField.Length] == (byte)' ' ? 1 : 0);
            var payload = line[prefix..];
            if (payload.TrimStart((byte)' ').StartsWith((byte)'{') && ModelLocator.LocateResponse(payload, out var location))
            {
                output.Write(line[..prefix]);
                ModelBodyWriter.Write(payload, location, _model, output);
                return;
            }
        }

        output.Write(line);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var needed = _pendingLength + bytes.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(needed, Math.Max(256, _pending.Length * 2)));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }
}
