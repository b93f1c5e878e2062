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
/// <para>Lines are read as the WHATWG event-stream rules read them: a byte order mark at the very start of the stream
/// is ignored (and copied through), and one optional space after <c>data:</c> belongs to the field, not the value.</para>
/// <para>A line is held until its end arrives, up to <see cref="MaxLineLength"/> bytes (default
/// <see cref="DefaultMaxLineLength"/>, 16 MiB: an OpenAI <c>response.completed</c> event carries the whole response).
/// A longer line makes <c>Write</c> throw <see cref="InvalidDataException"/> naming the limit, so one endless line
/// cannot hold unbounded memory; the stream cannot go on (end the response: the client sees a broken stream, not a
/// corrupt one).</para>
/// </remarks>
public sealed class SseModelRewriter
{
    private static ReadOnlySpan<byte> DataField => "data:"u8;

    /// <summary>The default bound on one line held while its end has not arrived: 16 MiB.</summary>
    public const int DefaultMaxLineLength = 16 * 1024 * 1024;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly JsonEncodedText _model;
    private byte[] _pending = [];
    private int _pendingLength;
    private bool _atStreamStart = true;

    /// <summary>Creates a rewriter that writes <paramref name="model"/> into every event that names a model.</summary>
    /// <param name="model">The client's unified ID, already JSON-escaped (see <see cref="RequestModelRewriter.EncodeModel"/>).</param>
    /// <param name="maxLineLength">The longest line, in bytes, held while its end has not arrived; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineLength"/> is less than 1.</exception>
    public SseModelRewriter(JsonEncodedText model, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _model = model;
        MaxLineLength = maxLineLength;
    }

    /// <summary>Creates a rewriter that writes <paramref name="model"/> into every event that names a model.</summary>
    /// <param name="model">The client's unified ID.</param>
    /// <param name="maxLineLength">The longest line, in bytes, held while its end has not arrived; at least 1.</param>
    public SseModelRewriter(UnifiedModelId model, int maxLineLength = DefaultMaxLineLength)
        : this(RequestModelRewriter.EncodeModel(model.ToString()), maxLineLength)
    {
    }

    /// <summary>The longest line, in bytes and without its line ending, that is held while its end has not arrived.</summary>
    public int MaxLineLength { get; }

    /// <summary>Rewrites the complete lines of <paramref name="chunk"/> to <paramref name="output"/> and keeps a trailing partial line.</summary>
    /// <param name="chunk">The next bytes of the stream.</param>
    /// <param name="output">Receives the rewritten bytes.</param>
    /// <exception cref="InvalidDataException">The held line would grow past <see cref="MaxLineLength"/>; the stream cannot go on.</exception>
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
        if (_atStreamStart)
        {
            _atStreamStart = false;
            if (line.StartsWith(ByteOrderMark))
            {
                output.Write(ByteOrderMark);
                line = line[ByteOrderMark.Length..];
            }
        }

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
        var needed = (long)_pendingLength + bytes.Length;

        // A leading byte order mark is not part of the line: it does not count against the limit.
        var limit = MaxLineLength + (_atStreamStart ? ByteOrderMark.Length : 0);
        if (needed > limit)
        {
            throw new InvalidDataException($"An event-stream line is longer than the limit of {MaxLineLength} bytes (SseModelRewriter.MaxLineLength) without a line ending; the stream was stopped.");
        }

        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, (int)Math.Min(limit, Math.Max(needed, Math.Max(256, _pending.Length * 2L))));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = (int)needed;
    }
}
