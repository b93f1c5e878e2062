using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>
/// Replacing the model of a chat request body: our Smart Passthrough beside the usual approach (parse to
/// <see cref="JsonNode"/>, set <c>model</c>, serialise). Both write into a fresh buffer sized for the output.
/// </summary>
[MemoryDiagnoser]
public class GatewayRequestRewriteBenchmarks
{
    private static readonly JsonEncodedText Upstream = RequestModelRewriter.EncodeModel("gpt-4o");
    private readonly ArrayBufferWriter<byte> _reused = new();
    private byte[] _body = [];

    [Params(1_024, 102_400, 1_048_576)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = ChatBodies.Request(Size);
        _reused.ResetWrittenCount();
        Rewrite(_reused);
    }

    [Benchmark(Baseline = true)]
    public int JsonNode_parse_set_serialise()
    {
        var node = JsonNode.Parse(_body)!;
        node["model"] = "gpt-4o";
        var output = new ArrayBufferWriter<byte>(_body.Length);
        using (var writer = new Utf8JsonWriter(output))
        {
            node.WriteTo(writer);
        }

        return output.WrittenCount;
    }

    [Benchmark]
    public int SmartPassthrough() => Rewrite(new ArrayBufferWriter<byte>(_body.Length + 16));

    [Benchmark]
    public int SmartPassthrough_reused_buffer()
    {
        _reused.ResetWrittenCount();
        return Rewrite(_reused);
    }

    private int Rewrite(ArrayBufferWriter<byte> output)
    {
        if (!RequestModelRewriter.TryLocate(_body, out var location, out var error, out _))
        {
            throw new InvalidOperationException(error.ToString());
        }

        RequestModelRewriter.Write(_body, location, Upstream, output);
        return output.WrittenCount;
    }
}
