using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Rewriting;

/// <summary>What the README says the replacement's escaping is: System.Text.Json's relaxed encoder, not a minimal one.</summary>
public class ModelEscapingTests
{
    [Theory]
    [InlineData("openai/gpt-4o", "openai/gpt-4o")]
    [InlineData("p/résumé-日本", "p/résumé-日本")]
    [InlineData("p/a\"b\\c", "p/a\\\"b\\\\c")]
    [InlineData("p/a\u0001b", "p/a\\u0001b")]
    [InlineData("p/😀", "p/\\uD83D\\uDE00")]
    [InlineData("p/a\u2028b\u007F", "p/a\\u2028b\\u007F")]
    [InlineData("p/\uE000\u0378", "p/\\uE000\\u0378")]
    [InlineData("p/<a>&'", "p/<a>&'")]
    public void A_model_name_is_escaped_by_the_relaxed_encoder(string name, string escaped)
        => Assert.Equal(escaped, Bodies.Text(RequestModelRewriter.EncodeModel(name).EncodedUtf8Bytes));
}
