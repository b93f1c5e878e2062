using System.Buffers;
using System.Text;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Streaming;

/// <summary>The Responses API's events, the WHATWG event-stream rules and the partial-line bound.</summary>
public class SseStandardsTests
{
    // The shapes of the OpenAI Responses API stream: the model sits at response.model in the lifecycle events.
    private const string ResponsesStream =
        "event: response.created\n" +
        "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-4o-2024-08-06\",\"output\":[]}}\n\n" +
        "event: response.in_progress\n" +
        "data: {\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"model\":\"gpt-4o-2024-08-06\"}}\n\n" +
        "event: response.output_text.delta\n" +
        "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"model: gpt-4o-2024-08-06\"}\n\n" +
        "event: response.completed\n" +
        "data: {\"type\":\"response.completed\",\"sequence_number\":3,\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-4o-2024-08-06\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"model: gpt-4o-2024-08-06\"}]}]}}\n\n";

    [Fact]
    public void Responses_API_lifecycle_events_get_the_unified_id_at_response_model_and_deltas_pass_through()
    {
        var expected = ResponsesStream
            .Replace("\"model\":\"gpt-4o-2024-08-06\"", "\"model\":\"openai/gpt-4o\"", StringComparison.Ordinal);

        Assert.Equal(expected, Rewrite(ResponsesStream, "openai/gpt-4o"));
        Assert.Contains("\"delta\":\"model: gpt-4o-2024-08-06\"", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("response.failed")]
    [InlineData("response.incomplete")]
    [InlineData("response.queued")]
    public void Every_event_that_carries_a_response_object_gets_the_unified_id(string type)
    {
        var stream = $"event: {type}\ndata: {{\"type\":\"{type}\",\"response\":{{\"status\":\"failed\",\"model\":\"gpt-4o-2024-08-06\",\"error\":{{\"code\":\"server_error\"}}}}}}\n\n";

        Assert.Equal(stream.Replace("gpt-4o-2024-08-06", "openai/gpt-4o", StringComparison.Ordinal), Rewrite(stream, "openai/gpt-4o"));
    }

    [Fact]
    public void An_event_with_both_a_message_and_a_response_object_is_ambiguous_and_passes_through()
    {
        const string Stream = "data: {\"message\":{\"model\":\"a\"},\"response\":{\"model\":\"b\"}}\n\n";

        Assert.Equal(Stream, Rewrite(Stream, "openai/gpt-4o"));
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_of_the_stream_is_ignored_for_reading_and_copied_through()
    {
        const string Stream = "\uFEFFdata: {\"model\":\"gpt-4o-2024-08-06\"}\n\ndata: {\"model\":\"gpt-4o-2024-08-06\"}\n\n";

        Assert.Equal(Stream.Replace("gpt-4o-2024-08-06", "openai/gpt-4o", StringComparison.Ordinal), Rewrite(Stream, "openai/gpt-4o"));
    }

    [Fact]
    public void A_byte_order_mark_split_across_reads_is_still_recognised()
    {
        var bytes = Bodies.Utf8("\uFEFFdata: {\"model\":\"x\"}\n");
        for (var cut = 1; cut < 4; cut++)
        {
            var rewriter = new SseModelRewriter(UnifiedModelId.Parse("p/m"));
            var output = new ArrayBufferWriter<byte>();
            rewriter.Write(bytes.AsSpan(0, cut), output);
            rewriter.Write(bytes.AsSpan(cut), output);
            rewriter.Complete(output);
            Assert.Equal("\uFEFFdata: {\"model\":\"p/m\"}\n", Bodies.Text(output.WrittenSpan.ToArray()));
        }
    }

    [Fact]
    public void A_byte_order_mark_later_in_the_stream_is_data_and_the_line_is_not_an_event_field()
    {
        const string Stream = "data: {\"model\":\"x\"}\n\uFEFFdata: {\"model\":\"x\"}\n";

        Assert.Equal("data: {\"model\":\"p/m\"}\n\uFEFFdata: {\"model\":\"x\"}\n", Rewrite(Stream, "p/m"));
    }

    [Theory]
    [InlineData("data:{\"model\":\"x\"}\n", "data:{\"model\":\"p/m\"}\n")]
    [InlineData("data: {\"model\":\"x\"}\n", "data: {\"model\":\"p/m\"}\n")]
    [InlineData("data:  {\"model\":\"x\"}\n", "data:  {\"model\":\"p/m\"}\n")]
    [InlineData("data:\t{\"model\":\"x\"}\n", "data:\t{\"model\":\"x\"}\n")]
    [InlineData("Data: {\"model\":\"x\"}\n", "Data: {\"model\":\"x\"}\n")]
    [InlineData("data : {\"model\":\"x\"}\n", "data : {\"model\":\"x\"}\n")]
    public void Only_a_data_field_with_at_most_its_one_optional_space_is_read_as_event_data(string stream, string expected)
        => Assert.Equal(expected, Rewrite(stream, "p/m"));

    [Fact]
    public void A_line_longer_than_the_limit_fails_clearly_and_holds_no_more_than_the_limit()
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("p/m"), maxLineLength: 1_024);
        var output = new ArrayBufferWriter<byte>();
        rewriter.Write(Encoding.ASCII.GetBytes("data: " + new string('x', 1_000)), output);

        var error = Assert.Throws<InvalidDataException>(() => rewriter.Write(new byte[100], output));

        Assert.Contains("1024 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_rewritten()
    {
        var line = "data: {\"model\":\"x\",\"pad\":\"" + new string('y', 100) + "\"}";
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("p/m"), maxLineLength: line.Length);
        var output = new ArrayBufferWriter<byte>();

        foreach (var b in Encoding.UTF8.GetBytes("\uFEFF" + line + "\n"))
        {
            rewriter.Write([b], output);
        }

        Assert.Contains("\"model\":\"p/m\"", Bodies.Text(output.WrittenSpan.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_lines_of_any_total_size_pass_without_holding_anything()
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse("p/m"), maxLineLength: 64);
        var output = new ArrayBufferWriter<byte>();
        var chunk = Bodies.Utf8(string.Concat(Enumerable.Repeat("data: {\"model\":\"x\"}\n\n", 200)));

        rewriter.Write(chunk, output);
        rewriter.Complete(output);

        Assert.Equal(chunk.Length + (200 * 2), output.WrittenCount);
    }

    [Fact]
    public void The_limit_must_be_positive()
        => Assert.Throws<ArgumentOutOfRangeException>("maxLineLength", () => new SseModelRewriter(UnifiedModelId.Parse("p/m"), maxLineLength: 0));

    private static string Rewrite(string stream, string model)
    {
        var rewriter = new SseModelRewriter(UnifiedModelId.Parse(model));
        var output = new ArrayBufferWriter<byte>();
        rewriter.Write(Bodies.Utf8(stream), output);
        rewriter.Complete(output);
        return Bodies.Text(output.WrittenSpan.ToArray());
    }
}
