using ModelCatalog.Gateway.Tests.Support;

namespace ModelCatalog.Gateway.Tests.Listings;

public class ModelListingTests
{
    [Fact]
    public async Task Listings_show_only_active_visible_models_in_id_order()
    {
        var models = await ModelListing.ListAsync(SampleModels.Directory());

        Assert.Equal(
            ["anthropic/claude-3-5-sonnet", "azure/GPT-4o", "openai/gpt-4o", "openrouter/meta-llama/llama-3.1-70b-instruct"],
            models.Select(m => m.Id.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(45)]
    public async Task Paging_forward_with_after_id_visits_every_listed_model_once(int limit)
    {
        var directory = SampleModels.Numbered(45);
        var seen = new List<string>();
        var query = new ModelListQuery(limit);
        while (true)
        {
            var page = await ModelListing.PageAsync(directory, query);
            Assert.True(page.Models.Count <= limit);
            seen.AddRange(page.Models.Select(m => m.Id.ToString()));
            if (!page.HasMore)
            {
                break;
            }

            query = new ModelListQuery(limit, afterId: page.LastId);
        }

        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"p/m{i:D4}"), seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(45)]
    public async Task Paging_backward_with_before_id_visits_every_listed_model_once(int limit)
    {
        var directory = SampleModels.Numbered(45);
        var seen = new List<string>();
        var query = new ModelListQuery(limit, beforeId: UnifiedModelId.Parse("q/after-everything"));
        while (true)
        {
            var page = await ModelListing.PageAsync(directory, query);
            seen.InsertRange(0, page.Models.Select(m => m.Id.ToString()));
            if (!page.HasMore)
            {
                break;
            }

            query = new ModelListQuery(limit, beforeId: page.FirstId);
        }

        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"p/m{i:D4}"), seen);
    }

    [Fact]
    public async Task A_page_names_its_first_and_last_ids_and_whether_more_follow()
    {
        var page = await ModelListing.PageAsync(SampleModels.Numbered(5), new ModelListQuery(2, afterId: UnifiedModelId.Parse("p/m0000")));

        Assert.Equal("p/m0001", page.FirstId.ToString());
        Assert.Equal("p/m0002", page.LastId.ToString());
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task The_last_page_says_there_is_no_more()
    {
        var page = await ModelListing.PageAsync(SampleModels.Numbered(5), new ModelListQuery(3, afterId: UnifiedModelId.Parse("p/m0001")));

        Assert.Equal(3, page.Models.Count);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task An_empty_page_has_no_first_or_last_id()
    {
        var page = await ModelListing.PageAsync(SampleModels.Numbered(2), new ModelListQuery(5, afterId: UnifiedModelId.Parse("z/z")));

        Assert.Empty(page.Models);
        Assert.True(page.FirstId.IsEmpty);
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData(null, null, "1", true)]
    [InlineData(null, null, "1000", true)]
    [InlineData(null, null, "0", false)]
    [InlineData(null, null, "1001", false)]
    [InlineData(null, null, "-5", false)]
    [InlineData(null, null, "ten", false)]
    [InlineData("a/b", "c/d", null, false)]
    [InlineData("not an id", null, null, false)]
    [InlineData(null, "p/m0001", "20", true)]
    public void A_query_accepts_limits_from_1_to_1000_and_one_valid_cursor(string? beforeId, string? afterId, string? limit, bool valid)
    {
        Assert.Equal(valid, ModelListQuery.TryCreate(beforeId, afterId, limit, out var query, out var error));
        Assert.Equal(valid, error is null);
        Assert.Equal(valid && limit is null ? ModelListQuery.DefaultLimit : query.Limit, query.Limit);
    }

    [Fact]
    public void The_default_limit_is_20()
        => Assert.Equal(20, ModelListQuery.Default.Limit);
}
