namespace ModelCatalog.Tests.Policies;

/// <summary>Reading stored baselines: only a JSON object is a baseline, and the failure says so.</summary>
public sealed class ModelBaselineParseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("\"{}\"")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("{\"a\":}")]
    public void Text_that_is_not_a_json_object_is_not_a_baseline(string json)
    {
        Assert.False(ModelBaseline.TryParse(json, out var baseline));
        Assert.Null(baseline);

        var exception = Assert.Throws<FormatException>(() => ModelBaseline.Parse(json));
        Assert.Equal("A model baseline must be a JSON object.", exception.Message);
    }

    [Fact]
    public void Null_is_not_a_baseline_and_a_programming_error_to_parse()
    {
        Assert.False(ModelBaseline.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>("json", () => ModelBaseline.Parse(null!));
    }

    [Fact]
    public void The_empty_baseline_is_the_empty_object_and_records_nothing()
    {
        Assert.Equal("{}", ModelBaseline.Empty.Json);
        Assert.False(ModelBaseline.Empty.TryGetValue("a", out _));
        Assert.Equal(ModelBaseline.Parse("{}"), ModelBaseline.Empty);
    }

    [Fact]
    public void A_json_object_is_a_baseline_that_keeps_its_text()
    {
        Assert.True(ModelBaseline.TryParse("""{"a":1}""", out var baseline));
        Assert.Equal("""{"a":1}""", baseline.Json);
        Assert.True(baseline.TryGetValue("a", out var value));
        Assert.Equal(1, value.GetInt32());
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void A_merge_is_a_no_op_only_when_neither_the_model_nor_the_baseline_changed(bool modelChanged, bool baselineChanged, bool noOp)
        => Assert.Equal(noOp, new ModelMergeResult([], modelChanged, ModelBaseline.Empty, baselineChanged).IsNoOp);
}
