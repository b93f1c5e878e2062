using System.Buffers;
using System.IO.Pipelines;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Streaming;

public class SseModelRewriterTests
{
    // Recorded shapes of the two protocols, with the line endings and comments real servers send.
    private const string OpenAIStream =
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n" +
        ": keep-alive\n\n" +
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hé \\\"model\\\": 😀\"}}]}\r\n\r\n" +
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[],\"usage\":{\"total_tokens\":3}}\r\r" +
        "data: [DONE]\n\n";

    private const string AnthropicStream =
        "event: message_start\n" +
        "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-sonnet-20241022\",\"content\":[],\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n" +
        "event: ping\ndata: {\"type\": \"ping\"}\n\n" +
        "event: content_block_delta\n" +
        "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"model: claude\"}}\n\n" +
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    private static string ExpectedOpenAI => OpenAIStream.Replace("\"gpt-4o-2024-08-06\"", "\"openai/gpt-4o\"", StringComparison.Ordinal);

    private static string ExpectedAnthropic => AnthropicStream.Replace("\"claude-3-5-sonnet-20241022\"", "\"anthropic/claude-3-5-sonnet\"", StringComparison.Ordinal);

    [Fact]
    public void OpenAI_chunks_get_the_unified_id_and_everything_else_passes_through()
        => Assert.Equal(ExpectedOpenAI, Bodies.Text(RewriteInOneRead(OpenAIStream, "openai/gpt-4o")));

    [Fact]
    public void Anthropic_message_start_gets_the_unified_id_and_other_events_pass_through()
        => Assert.Equal(ExpectedAnthropic, Bodies.Text(RewriteInOneRead(AnthropicStream, "anthropic/claude-3-5-sonnet")));

    [Theory]
    [InlineData(OpenAIStream, "openai/gpt-4o")]
    [InlineData(AnthropicStream, "anthropic/claude-3-5-sonnet")]
    public void A_stream_split_at_every_byte_boundary_gives_the_same_output_as_one_read(string stream, string model)
    {
        var bytes = Bodies.Utf8(stream);
        var expected = RewriteInOneRead(stream, model);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var rewriter = new SseModelRewriter(UnifiedModelId.Parse(model));
            var output = new ArrayBufferWriter<byte>();
            rewriter.Write(bytes.AsSpan(0, cut), output);
            rewriter.Write(bytes.AsSpan(cut), output);
            rewriter.Complete(output);
            Assert.Equal(expected, output.WrittenSpan.ToArray());
        }
    }

    [Theory]
    [InlineData(OpenAIStream, "openai/gpt-4o")]
    [InlineData(AnthropicStream, "anthropic/claude-3-5-sonnet")]
    public void A_stream_fed_one_byte_at_a_time_gives_the_same_output_as_one_read(string stream, string model)
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse(model));
        var output = new ArrayBufferWriter<byte>();
        foreach (var b in Bodies.Utf8(stream))
        {
            rewriter.Write([b], output);
        }

        rewriter.Complete(output);

        Assert.Equal(RewriteInOneRead(stream, model), output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("data:{\"model\":\"x\"}", "data:{\"model\":\"a/b\"}")]
    [InlineData("data:   {\"model\":\"x\"}", "data:   {\"model\":\"a/b\"}")]
    [InlineData("data: [DONE]", "data: [DONE]")]
    [InlineData("data: {\"model\":", "data: {\"model\":")]
    [InlineData("id: {\"model\":\"x\"}", "id: {\"model\":\"x\"}")]
    public void Only_data_lines_holding_a_JSON_object_with_a_model_are_rewritten(string line, string expected)
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("a/b"));
        var output = new ArrayBufferWriter<byte>();

        rewriter.Write(Bodies.Utf8(line + "\n"), output);

        Assert.Equal(expected + "\n", Bodies.Text(output.WrittenSpan));
    }

    [Fact]
    public void A_last_line_without_a_line_ending_is_written_on_complete()
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("a/b"));
        var output = new ArrayBufferWriter<byte>();

        rewriter.Write(Bodies.Utf8("data: {\"model\":\"x\"}"), output);
        Assert.Equal(0, output.WrittenCount);
        rewriter.Complete(output);

        Assert.Equal("data: {\"model\":\"a/b\"}", Bodies.Text(output.WrittenSpan));
    }

    [Fact]
    public async Task Copying_a_pipe_rewrites_the_whole_stream()
    {
        var input = new Pipe();
        var output = new Pipe();
        var bytes = Bodies.Utf8(OpenAIStream);
        var copy = new SseModelRewriter(UnifiedModelId.Parse("openai/gpt-4o")).CopyAsync(input.Reader, output.Writer);
        for (var i = 0; i < bytes.Length; i += 17)
        {
            await input.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(17, bytes.Length - i)));
        }

        await input.Writer.CompleteAsync();
        await copy;
        await output.Writer.CompleteAsync();
        using var received = new MemoryStream();
        await output.Reader.CopyToAsync(received);

        Assert.Equal(ExpectedOpenAI, Bodies.Text(received.ToArray()));
    }

    [Fact]
    public async Task Copying_a_stream_rewrites_the_whole_stream_and_leaves_both_open()
    {
        using var input = new MemoryStream(Bodies.Utf8(AnthropicStream));
        using var output = new MemoryStream();

        await new SseModelRewriter(UnifiedModelId.Parse("anthropic/claude-3-5-sonnet")).CopyAsync(input, output);

        Assert.Equal(ExpectedAnthropic, Bodies.Text(output.ToArray()));
        Assert.True(input.CanRead && output.CanWrite);
    }

    private static byte[] RewriteInOneRead(string stream, string model)
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse(model));
        var output = new ArrayBufferWriter<byte>();
        rewriter.Write(Bodies.Utf8(stream), output);
        rewriter.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
