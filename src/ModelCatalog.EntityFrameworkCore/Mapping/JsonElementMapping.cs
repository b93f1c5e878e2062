using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ModelCatalog.EntityFrameworkCore.Mapping;

/// <summary>
/// Stores <see cref="JsonElement"/> values as compact JSON text (no insignificant white space: smaller rows, faster
/// reads) and compares them by value (<see cref="JsonElement.DeepEquals"/>), so a re-sync with the same JSON in another
/// formatting writes nothing. The lambdas call only public members, so a compiled model can reproduce them.
/// </summary>
internal static class JsonElementMapping
{
    public static readonly ValueConverter<JsonElement, string> Converter = new(
        value => CatalogColumnJson.Write(value),
        text => CatalogColumnJson.Read(text));

    public static readonly ValueComparer<JsonElement> Comparer = new(
        (left, right) => JsonElement.DeepEquals(left, right),
        value => (int)value.ValueKind,
        value => value);

    public static readonly ValueComparer<JsonElement?> NullableComparer = new(
        (left, right) => left.HasValue ? right.HasValue && JsonElement.DeepEquals(left.Value, right.Value) : !right.HasValue,
        value => value.HasValue ? (int)value.Value.ValueKind : -1,
        value => value);
}
