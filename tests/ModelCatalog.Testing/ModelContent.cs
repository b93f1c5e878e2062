using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelCatalog.Testing;

/// <summary>
/// Compares two models property by property through reflection: the oracle for tests of the generated merger, which
/// must not judge its own output with its own <c>ContentEquals</c>. Equality is the documented value equality —
/// decimals by value, JSON deep, sequences element by element, dictionaries key by key — written independently here.
/// </summary>
public static class ModelContent
{
    /// <summary>Fails naming the first property whose values differ.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="expected">The expected model.</param>
    /// <param name="actual">The model under test.</param>
    public static void AssertEqual<TModel>(TModel expected, TModel actual)
        where TModel : class
    {
        var difference = FirstDifference(expected, actual);
        Assert.True(difference is null, difference);
    }

    /// <summary>Whether every public readable property of the two models holds equal values.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="left">One model.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when no property differs.</returns>
    public static bool Equal<TModel>(TModel left, TModel right)
        where TModel : class
        => FirstDifference(left, right) is null;

    private static string? FirstDifference<TModel>(TModel expected, TModel actual)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead)
            {
                continue;
            }

            object? left = property.GetValue(expected), right = property.GetValue(actual);
            if (!ValuesEqual(left, right))
            {
                return $"{property.Name} differs: expected {Show(left)}, actual {Show(right)}";
            }
        }

        return null;
    }

    private static bool ValuesEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        switch (left)
        {
            case JsonElement le when right is JsonElement re:
                return JsonElement.DeepEquals(le, re);
            case JsonNode ln when right is JsonNode rn:
                return JsonNode.DeepEquals(ln, rn);
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case IDictionary l when right is IDictionary r:
                if (l.Count != r.Count)
                {
                    return false;
                }

                foreach (DictionaryEntry entry in l)
                {
                    if (!r.Contains(entry.Key) || !ValuesEqual(entry.Value, r[entry.Key]))
                    {
                        return false;
                    }
                }

                return true;
            case IEnumerable lq when right is IEnumerable rq:
                var leftItems = lq.Cast<object?>().ToList();
                var rightItems = rq.Cast<object?>().ToList();
                return leftItems.Count == rightItems.Count && leftItems.Zip(rightItems).All(p => ValuesEqual(p.First, p.Second));
            default:
                return left.Equals(right);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        JsonElement e => e.GetRawText(),
        JsonNode n => n.ToJsonString(),
        string s => '"' + s + '"',
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}
