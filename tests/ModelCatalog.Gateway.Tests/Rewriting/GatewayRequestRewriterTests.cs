using System.Buffers;
using System.IO.Pipelines;
using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

public class GatewayRequestRewriterTests
{
    private readonly GatewayRequestRewriter _rewriter = new(new ModelResolver(SampleModels.Directory()));

    [Fact]
    public async Task A_body_read_from_a_pipe_in_pieces_is_resolved_and_rewritten()
    {
        var pipe = new Pipe();
        var body = Bodies.Utf8("""{"model":"anthropic/claude-3-5-sonnet","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""");
        var output = new ArrayBufferWriter<byte>();
        var rewrite = _rewriter.RewriteAsync(pipe.Reader, output);
        await pipe.Writer.WriteAsync(body.AsMemory(0, 20));
        await pipe.Writer.WriteAsync(body.AsMemory(20));
        await pipe.Writer.CompleteAsync();

        var result = await rewrite;

        Assert.True(result.IsSuccess);
        Assert.Equal("anthropic", result.Model.Id.ProviderId);
        Assert.Equal("""{"model":"claude-3-5-sonnet-20241022","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""", Bodies.Text(output.WrittenSpan));
    }

    [Fact]
    public async Task An_unknown_model_writes_nothing_and_answers_model_not_found()
    {
        var output = new ArrayBufferWriter<byte>();

        var result = await _rewriter.RewriteAsync(new MemoryStream(Bodies.Utf8("""{"model":"openai/gpt-5"}""")), output);

        Assert.False(result.IsSuccess);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(404, result.Error!.StatusCode);
        Assert.Equal("model_not_found", result.Error.Code);
    }

    [Fact]
    public async Task A_rejected_body_answers_400_with_the_reason()
    {
        var result = await _rewriter.RewriteAsync(new MemoryStream(Bodies.Utf8("""{"model":"a/b","model":"c/d"}""")), new ArrayBufferWriter<byte>());

        Assert.Equal(ModelRewriteError.DuplicateModel, result.RewriteError);
        Assert.Null(result.Resolution);
        Assert.Equal(400, result.Error!.StatusCode);
    }

    [Fact]
    public async Task A_canceled_read_is_not_judged_as_a_truncated_body()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Bodies.Utf8("""{"model":"""));
        var rewrite = _rewriter.RewriteAsync(pipe.Reader, new ArrayBufferWriter<byte>());

        pipe.Reader.CancelPendingRead();

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await rewrite);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var rewriter = new GatewayRequestRewriter(new ModelResolver(SampleModels.Directory()), new ModelRewriteOptions { MaxBodyLength = 10 });

        var result = await rewriter.RewriteAsync(new MemoryStream(Bodies.Utf8("""{"model":"openai/gpt-4o"}""")), new ArrayBufferWriter<byte>());

        Assert.Equal(ModelRewriteError.BodyTooLarge, result.RewriteError);
        Assert.Equal(413, result.Error!.StatusCode);
    }
}
