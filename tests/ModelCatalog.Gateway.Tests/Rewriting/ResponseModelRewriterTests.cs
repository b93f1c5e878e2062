using System.Buffers;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

public class ResponseModelRewriterTests
{
    private const string OpenAIChatCompletion = """
        {
          "id": "chatcmpl-123",
          "object": "chat.completion",
          "created": 1677652288,
          "model": "gpt-4o-2024-08-06",
          "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello \u00e9"}, "finish_reason": "stop"}],
          "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21}
        }
        """;

    private const string OpenAIResponse = """{"id":"resp_1","object":"response","created_at":1741476542,"status":"completed","model":"gpt-4o-2024-08-06","output":[{"type":"message","content":[{"type":"output_text","text":"hi"}]}]}""";

    private const string AnthropicMessage = """{"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-sonnet-20241022","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","usage":{"input_tokens":2,"output_tokens":1}}""";

    public static TheoryData<string, string> Responses() => new()
    {
        { OpenAIChatCompletion, "\"gpt-4o-2024-08-06\"" },
        { OpenAIResponse, "\"gpt-4o-2024-08-06\"" },
        { AnthropicMessage, "\"claude-3-5-sonnet-20241022\"" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void A_non_streamed_response_gets_the_unified_id_back_and_nothing_else_changes(string json, string upstream)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.True(ResponseModelRewriter.Rewrite(Bodies.Utf8(json), Bodies.Encode("acme/chat"), output));

        Assert.Equal(json.Replace(upstream, "\"acme/chat\"", StringComparison.Ordinal), Bodies.Text(output.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"error":{"message":"overloaded","type":"server_error"}}""")]
    [InlineData("not json at all")]
    [InlineData("""{"model":"a","model":"b"}""")]
    [InlineData("""{"model":42}""")]
    public void A_response_without_one_clear_model_is_copied_unchanged(string json)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.False(ResponseModelRewriter.Rewrite(Bodies.Utf8(json), Bodies.Encode("acme/chat"), output));

        Assert.Equal(json, Bodies.Text(output.WrittenSpan));
    }

    [Fact]
    public void A_segmented_response_is_rewritten_like_a_contiguous_one()
    {
        var json = Bodies.Utf8(AnthropicMessage);
        var expected = new ArrayBufferWriter<byte>();
        ResponseModelRewriter.Rewrite(json, Bodies.Encode("acme/chat"), expected);

        for (var cut = 1; cut < json.Length; cut += 7)
        {
            var output = new ArrayBufferWriter<byte>();
            ResponseModelRewriter.Rewrite(Bodies.Segmented(json, cut, cut + 3), Bodies.Encode("acme/chat"), output);
            Assert.Equal(expected.WrittenSpan.ToArray(), output.WrittenSpan.ToArray());
        }
    }
}
