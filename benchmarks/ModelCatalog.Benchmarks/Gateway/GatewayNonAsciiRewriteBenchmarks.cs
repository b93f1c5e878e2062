using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>
/// Replacing the model of a 1 MB chat body whose text is ASCII or mostly non-ASCII: our Smart Passthrough beside the
/// two usual approaches — a <see cref="JsonNode"/> round trip (the baseline) and one <see cref="Utf8JsonReader"/> pass
/// that finds the top-level model and then copies around it (the fastest System.Text.Json can validate a body) — and
/// beside <see cref="Utf8.IsValid"/> alone, the BCL's UTF-8 check. Output buffers are reused (as with a pooled
/// <c>PipeWriter</c>) so the figures are the rewrite, not the allocator.
/// </summary>
[MemoryDiagnoser]
public class GatewayNonAsciiRewriteBenchmarks
{
    private static readonly JsonEncodedText Upstream = RequestModelRewriter.EncodeModel("gpt-4o");
    private readonly ArrayBufferWriter<byte> _output = new(2 << 20);
    private byte[] _body = [];

    [Params(BodyText.Ascii, BodyText.NonAscii)]
    public BodyText Text { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = ChatBodies.Request(1 << 20, Text);
        if (SmartPassthrough() != Utf8JsonReader_find_and_copy() || !Utf8.IsValid(_body))
        {
            throw new InvalidOperationException("The approaches disagree on the body.");
        }
    }

    [Benchmark(Baseline = true)]
    public int JsonNode_parse_set_serialise()
    {
        _output.ResetWrittenCount();
        var node = JsonNode.Parse(_body)!;
        node["model"] = "gpt-4o";
        using (var writer = new Utf8JsonWriter(_output))
        {
            node.WriteTo(writer);
        }

        return _output.WrittenCount;
    }

    [Benchmark]
    public int Utf8JsonReader_find_and_copy()
    {
        _output.ResetWrittenCount();
        var reader = new Utf8JsonReader(_body);
        long start = -1, end = -1;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                start = reader.TokenStartIndex;
                end = reader.BytesConsumed;
            }
        }

        _output.Write(_body.AsSpan(0, (int)start));
        _output.Write("\"gpt-4o\""u8);
        _output.Write(_body.AsSpan((int)end));
        return _output.WrittenCount;
    }

    [Benchmark]
    public bool Utf8_IsValid_alone() => Utf8.IsValid(_body);

    [Benchmark]
    public int SmartPassthrough()
    {
        _output.ResetWrittenCount();
        if (!RequestModelRewriter.TryLocate(_body, out var location, out var error, out _))
        {
            throw new InvalidOperationException(error.ToString());
        }

        RequestModelRewriter.Write(_body, location, Upstream, _output);
        return _output.WrittenCount;
    }
}
