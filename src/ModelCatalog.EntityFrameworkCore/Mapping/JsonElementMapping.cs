using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ModelCatalog.EntityFrameworkCore.Mapping;

/// <summary>
/// Stores <see cref="JsonElement"/> values as compact JSON text (no insignificant white space: smaller rows, faster
/// reads) and compares them by value (<see cref="JsonElement.DeepEquals"/>), so a re-sync with the same JSON in another
/// formatting writes nothing.
/// </summary>
internal static class JsonElementMapping
{
    public static readonly ValueConverter<JsonElement, string> Converter = new(
        value => Compact(value),
        text => JsonElement.Parse(text, CatalogJson.ReadOptions));

    public static readonly ValueComparer<JsonElement> Comparer = new(
        (left, right) => JsonElement.DeepEquals(left, right),
        value => (int)value.ValueKind,
        value => value);

    public static readonly ValueComparer<JsonElement?> NullableComparer = new(
        (left, right) => left.HasValue ? right.HasValue && JsonElement.DeepEquals(left.Value, right.Value) : !right.HasValue,
        value => value.HasValue ? (int)value.Value.ValueKind : -1,
        value => value);

    private static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
