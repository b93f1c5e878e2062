using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ModelCatalog.EntityFrameworkCore.Mapping;

/// <summary>
/// Stores the structured official values (<see cref="ModelPricing"/>, <see cref="ModelCapabilities"/>,
/// <see cref="ModelLifecycle"/>) as one JSON text column each, in the <see cref="StructuredValueJson"/> shape.
/// </summary>
/// <remarks>
/// JSON rather than columns: the values are always read whole (costing, listings), never filtered on by the store
/// contract; tiers are a list; a new price component needs no migration; and one text type behaves the same on SQLite,
/// PostgreSQL and any other provider. Decimals are written as exact JSON numbers, so they round-trip exactly. The
/// comparer is the records' value equality, so a re-sync with the same prices writes nothing.
/// </remarks>
internal static class StructuredValueMapping
{
    public static bool TryMap(EntityTypeBuilder builder, Type type, string property)
        => TryMap(builder, type, property, StructuredValueJson.Pricing)
            || TryMap(builder, type, property, StructuredValueJson.Capabilities)
            || TryMap(builder, type, property, StructuredValueJson.Lifecycle);

    private static bool TryMap<T>(EntityTypeBuilder builder, Type type, string property, JsonTypeInfo<T> info)
        where T : class
    {
        if (type != typeof(T))
        {
            return false;
        }

        builder.Property<T?>(property).HasConversion(
            new ValueConverter<T?, string?>(value => value == null ? null : JsonSerializer.Serialize(value, info), text => text == null ? null : JsonSerializer.Deserialize(text, info)),
            new ValueComparer<T?>((left, right) => Equals(left, right), value => value == null ? 0 : value.GetHashCode(), value => value));
        return true;
    }
}
