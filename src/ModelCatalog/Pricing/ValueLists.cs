namespace ModelCatalog;

/// <summary>Element-by-element equality (the merger's own <see cref="FieldValues.SequenceEquals"/>) and hashing for the lists inside the structured official values (records compare lists by reference).</summary>
internal static class ValueLists
{
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) => FieldValues.SequenceEquals(left, right);

    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.Add(list.Count);
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
