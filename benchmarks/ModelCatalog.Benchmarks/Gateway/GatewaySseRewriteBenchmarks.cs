using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ModelCatalog.Gateway;

namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>
/// Rewriting an OpenAI chat completion stream (1,000 chunks, about 250 KB) fed in 4 KB reads: our incremental
/// rewriter beside the usual approach (split lines, parse each data line to <see cref="JsonNode"/>, set, serialise).
/// </summary>
[MemoryDiagnoser]
public class GatewaySseRewriteBenchmarks
{
    private const int ReadSize = 4096;
    private readonly ArrayBufferWriter<byte> _output = new();
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup() => _stream = ChatBodies.Stream(1_000);

    [Benchmark(Baseline = true)]
    public int JsonNode_per_data_line()
    {
        _output.ResetWrittenCount();
        var text = Encoding.UTF8.GetString(_stream);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                var node = JsonNode.Parse(line.AsSpan(6).ToString())!;
                node["model"] = "openai/gpt-4o";
                _output.Write("data: "u8);
                using var writer = new Utf8JsonWriter(_output);
                node.WriteTo(writer);
            }
            else
            {
                _output.Write(Encoding.UTF8.GetBytes(line));
            }

            _output.Write("\n"u8);
        }

        return _output.WrittenCount;
    }

    [Benchmark]
    public int Incremental_rewriter()
    {
        _output.ResetWrittenCount();
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("openai/gpt-4o"));
        for (var offset = 0; offset < _stream.Length; offset += ReadSize)
        {
            rewriter.Write(_stream.AsSpan(offset, Math.Min(ReadSize, _stream.Length - offset)), _output);
        }

        rewriter.Complete(_output);
        return _output.WrittenCount;
    }
}
