using System.Reflection;
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
/// comparer is the records' value equality, so a re-sync with the same prices writes nothing. The converters capture
/// nothing and call only public members (<see cref="CatalogColumnJson"/>), so a compiled model can reproduce them.
/// </remarks>
internal static class StructuredValueMapping
{
    private static readonly MethodInfo MapMethod = typeof(StructuredValueMapping).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool TryMap(EntityTypeBuilder builder, Type type, string property)
    {
        if (!CatalogColumnJson.IsStructured(type))
        {
            return false;
        }

        // Once per structured property while the model is built, never per row.
        MapMethod.MakeGenericMethod(type).Invoke(null, [builder, property]);
        return true;
    }

    private static void Map<T>(EntityTypeBuilder builder, string property)
        where T : class
        => builder.Property<T?>(property).HasConversion(
            new ValueConverter<T?, string?>(value => CatalogColumnJson.WriteStructured(value), text => CatalogColumnJson.ReadStructured<T>(text)),
            new ValueComparer<T?>((left, right) => Equals(left, right), value => value == null ? 0 : value.GetHashCode(), value => value));
}
