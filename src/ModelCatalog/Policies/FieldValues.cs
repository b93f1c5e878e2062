using System.ComponentModel;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// Value equality and copying for the field types the generated mergers handle specially (JSON values, collections).
/// Called by generated code; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FieldValues
{
    /// <summary>Deep JSON equality; two undefined (default) elements are equal, an undefined and a defined one are not.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool JsonEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind == JsonValueKind.Undefined || right.ValueKind == JsonValueKind.Undefined)
        {
            return left.ValueKind == right.ValueKind;
        }

        try
        {
            return JsonElement.DeepEquals(left, right);
        }
        catch (InvalidOperationException)
        {
            // Text that cannot become a string (invalid UTF-8, an unpaired surrogate escape) from a source that did not
            // validate it: equal only when byte-identical, so a merge never crashes and never calls different text equal.
            return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(left).SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(right));
        }
    }

    /// <summary>Deep JSON equality where <see langword="null"/> equals only <see langword="null"/>.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool JsonEquals(JsonElement? left, JsonElement? right)
        => left.HasValue ? right.HasValue && JsonEquals(left.GetValueOrDefault(), right.GetValueOrDefault()) : !right.HasValue;

    /// <summary>An independent copy of a JSON value (an undefined element stays undefined).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The copy.</returns>
    public static JsonElement CloneJson(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? value : value.Clone();

    /// <summary>An independent copy of a JSON value, or <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The copy.</returns>
    public static JsonElement? CloneJson(JsonElement? value) => value.HasValue ? CloneJson(value.GetValueOrDefault()) : null;

    /// <summary>Element-by-element equality in order, with the element type's default equality.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="left">One sequence, or <see langword="null"/>.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when both are null, or both have equal elements in the same order.</returns>
    public static bool SequenceEquals<T>(IEnumerable<T>? left, IEnumerable<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        if (left is IReadOnlyList<T> leftList && right is IReadOnlyList<T> rightList)
        {
            if (leftList.Count != rightList.Count)
            {
                return false;
            }

            var comparer = EqualityComparer<T>.Default;
            for (var i = 0; i < leftList.Count; i++)
            {
                if (!comparer.Equals(leftList[i], rightList[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return left.SequenceEqual(right);
    }

    /// <summary>Key-by-key equality with the value type's default equality (the key comparer is the left dictionary's).</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="left">One dictionary, or <see langword="null"/>.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when both are null, or both have the same keys with equal values.</returns>
    public static bool ReadOnlyDictionaryEquals<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? left, IReadOnlyDictionary<TKey, TValue>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var pair in right)
        {
            if (!left.TryGetValue(pair.Key, out var value) || !comparer.Equals(value, pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Key-by-key equality through <see cref="ICollection{T}.Contains"/> of the left dictionary (a key and an equal value).</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="left">One dictionary, or <see langword="null"/>.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when both are null, or both have the same keys with equal values.</returns>
    public static bool DictionaryEquals<TKey, TValue>(IDictionary<TKey, TValue>? left, IDictionary<TKey, TValue>? right)
        => ReferenceEquals(left, right)
            || (left is not null && right is not null && left.Count == right.Count && right.All(left.Contains));
}
