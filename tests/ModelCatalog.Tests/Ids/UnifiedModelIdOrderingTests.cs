namespace ModelCatalog.Tests.Ids;

/// <summary>Hash codes, equality and ordering where the "no ID" value takes part, on either side.</summary>
public sealed class UnifiedModelIdOrderingTests
{
    [Fact]
    public void Equal_ids_have_equal_hash_codes_also_when_parsed_from_different_strings()
    {
        var left = UnifiedModelId.Parse("openai/gpt-4o");
        var right = UnifiedModelId.Parse(new string("openai/gpt-4o".AsSpan()));

        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.Equal(default(UnifiedModelId).GetHashCode(), UnifiedModelId.Empty.GetHashCode());
    }

    [Fact]
    public void Distinct_ids_spread_over_many_hash_codes()
    {
        // A constant hash code would be legal but turn every dictionary of IDs into a list; 1000 distinct IDs share
        // fewer than 900 hash codes only if the hash ignores its input (the chance for a real string hash is nil).
        var hashes = new HashSet<int>();
        for (int i = 0; i < 1000; i++)
        {
            hashes.Add(UnifiedModelId.Parse($"p{i % 7}/model-{i}").GetHashCode());
        }

        hashes.Add(default(UnifiedModelId).GetHashCode());
        Assert.True(hashes.Count > 900, $"{hashes.Count} distinct hash codes");
    }

    [Fact]
    public void The_no_id_value_equals_only_itself()
    {
        var id = UnifiedModelId.Parse("a/b");

        Assert.True(default(UnifiedModelId).Equals(UnifiedModelId.Empty));
        Assert.False(default(UnifiedModelId).Equals(id));
        Assert.False(id.Equals(default(UnifiedModelId)));
        Assert.True(default(UnifiedModelId) == UnifiedModelId.Empty);
        Assert.True(id != default);
    }

    [Fact]
    public void The_no_id_value_sorts_before_every_id_on_either_side_of_the_comparison()
    {
        var id = UnifiedModelId.Parse("a/b");

        Assert.Equal(0, default(UnifiedModelId).CompareTo(default));
        Assert.True(default(UnifiedModelId).CompareTo(id) < 0);
        Assert.True(id.CompareTo(default) > 0);
        Assert.True(default(UnifiedModelId) < id);
        Assert.True(id >= default(UnifiedModelId));
        Assert.Equal(0, default(UnifiedModelId).CompareTo((object)default(UnifiedModelId)));
        Assert.True(id.CompareTo((object?)null) > 0);
        Assert.True(default(UnifiedModelId).CompareTo((object?)null) > 0);
    }

    [Fact]
    public void Ordering_is_by_provider_then_model_name()
    {
        var shortProvider = UnifiedModelId.Parse("a/zzz");
        var longerProvider = UnifiedModelId.Parse("a_/aaa");

        Assert.True(shortProvider.CompareTo(longerProvider) < 0);
        Assert.True(longerProvider.CompareTo(shortProvider) > 0);
        Assert.True(UnifiedModelId.Parse("a/b").CompareTo(UnifiedModelId.Parse("a/c")) < 0);
    }
}
