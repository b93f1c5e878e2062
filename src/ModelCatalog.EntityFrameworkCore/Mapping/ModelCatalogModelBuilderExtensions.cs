using System.Reflection;
using System.Text;
using System.Text.Json;
using ModelCatalog;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Mapping;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the catalog tables to a host's own <see cref="DbContext"/> model (and so to its migrations).</summary>
public static class ModelCatalogModelBuilderExtensions
{
    /// <summary>
    /// Maps <typeparamref name="TModel"/> to the models table and <see cref="ModelHistoryRecord"/> to the history table.
    /// Call it from <c>OnModelCreating</c>, then add a migration as usual.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every public read-write property of <typeparamref name="TModel"/> is mapped by EF Core's normal conventions to a
    /// snake_case column (<c>DisplayName</c> → <c>display_name</c>); <see cref="JsonElement"/> values are stored as JSON
    /// text and compared by value; the structured official values (<see cref="ModelPricing"/>,
    /// <see cref="ModelCapabilities"/>, <see cref="ModelLifecycle"/>) are stored as JSON text too and compared by value
    /// (always read whole and never filtered on, and a new price component needs no migration); <see cref="decimal"/> uses the provider's exact type (PostgreSQL <c>numeric</c>,
    /// SQLite <c>TEXT</c>). The <see cref="UnifiedModelId"/> key property is not mapped itself: the store keeps it in two
    /// shadow properties, <c>provider_id</c> and <c>model_name</c>, with a unique index over the pair, so queries on
    /// either part stay translatable. The surrogate key (<c>id</c>, a version-7 <see cref="Guid"/>), the concurrency token
    /// (<c>version</c>) and the sync state (<c>sync_baseline</c>, <c>last_synced_at</c>, <c>source_name</c>,
    /// <c>source_version</c>, <c>missing_upstream_since</c>) are shadow properties too.
    /// </para>
    /// <para>
    /// Unified IDs compare case-sensitively and ordinally on every provider: SQLite's default <c>BINARY</c> collation does
    /// so; on PostgreSQL pass <c>o =&gt; o.UseProviderDefaults(Database.ProviderName)</c> (or set
    /// <see cref="ModelCatalogModelOptions.IdCollation"/> to <c>"C"</c>) so both ID columns use the byte-order collation.
    /// </para>
    /// <para>One catalog per context: the history table is shared by model type.</para>
    /// </remarks>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="configure">Table names, schema and collation.</param>
    /// <returns>The model builder.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="TModel"/> has a property named like one of the store's shadow properties.</exception>
    public static ModelBuilder ApplyModelCatalog<TModel>(this ModelBuilder modelBuilder, Action<ModelCatalogModelOptions>? configure = null)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new ModelCatalogModelOptions();
        configure?.Invoke(options);

        modelBuilder.Entity<TModel>(b =>
        {
            b.ToTable(options.ModelsTable, options.Schema);
            foreach (var property in typeof(TModel).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (Array.IndexOf(CatalogColumns.All, property.Name) >= 0)
                {
                    throw new InvalidOperationException(
                        $"{typeof(TModel).Name}.{property.Name} has the name of a property the model catalog store adds; rename it.");
                }

                if (property.PropertyType == typeof(UnifiedModelId) || property.PropertyType == typeof(UnifiedModelId?))
                {
                    b.Ignore(property.Name);
                    continue;
                }

                if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0
                    || property.GetSetMethod() is null || property.GetGetMethod() is null)
                {
                    continue;
                }

                if (property.PropertyType == typeof(JsonElement))
                {
                    b.Property<JsonElement>(property.Name).HasConversion(JsonElementMapping.Converter, JsonElementMapping.Comparer);
                }
                else if (property.PropertyType == typeof(JsonElement?))
                {
                    b.Property<JsonElement?>(property.Name).HasConversion(JsonElementMapping.Converter, JsonElementMapping.NullableComparer);
                }
                else
                {
                    StructuredValueMapping.TryMap(b, property.PropertyType, property.Name);
                }

                b.Property(property.Name).HasColumnName(ColumnName(property.Name));
            }

            b.Property<Guid>(CatalogColumns.Key).HasColumnName(CatalogColumns.Names.Key).ValueGeneratedNever();
            b.HasKey(CatalogColumns.Key);
            Id(b.Property<string>(CatalogColumns.ProviderId).HasColumnName(CatalogColumns.Names.ProviderId).HasMaxLength(UnifiedModelId.MaxProviderIdLength), options);
            Id(b.Property<string>(CatalogColumns.ModelName).HasColumnName(CatalogColumns.Names.ModelName).HasMaxLength(UnifiedModelId.MaxModelNameLength), options);
            b.HasIndex(CatalogColumns.ProviderId, CatalogColumns.ModelName).IsUnique().HasDatabaseName("ux_" + options.ModelsTable + "_provider_model");
            b.Property<long>(CatalogColumns.Version).HasColumnName(CatalogColumns.Names.Version).IsConcurrencyToken();
            b.Property<string?>(CatalogColumns.Baseline).HasColumnName(CatalogColumns.Names.Baseline);
            b.Property<DateTimeOffset?>(CatalogColumns.LastSyncedAt).HasColumnName(CatalogColumns.Names.LastSyncedAt);
            b.Property<string?>(CatalogColumns.SourceName).HasColumnName(CatalogColumns.Names.SourceName);
            b.Property<string?>(CatalogColumns.SourceVersion).HasColumnName(CatalogColumns.Names.SourceVersion);
            b.Property<DateTimeOffset?>(CatalogColumns.MissingUpstreamSince).HasColumnName(CatalogColumns.Names.MissingUpstreamSince);

            // The review as JSON (read whole, never filtered on) and its status as its own column, so listing what
            // waits for review is an indexed filter rather than a scan of JSON text.
            b.Property<PriceReviewStatus?>(CatalogColumns.PriceReviewStatus).HasColumnName(CatalogColumns.Names.PriceReviewStatus);
            b.Property<string?>(CatalogColumns.PriceReview).HasColumnName(CatalogColumns.Names.PriceReview);
            b.HasIndex(CatalogColumns.PriceReviewStatus).HasDatabaseName("ix_" + options.ModelsTable + "_price_review");
            b.HasIndex(CatalogColumns.SourceName, CatalogColumns.ProviderId, CatalogColumns.ModelName).HasDatabaseName("ix_" + options.ModelsTable + "_source");
        });

        modelBuilder.Entity<ModelHistoryRecord>(b =>
        {
            b.ToTable(options.HistoryTable, options.Schema);
            b.HasKey(h => h.Sequence);
            b.Property(h => h.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Id(b.Property(h => h.ProviderId).HasColumnName("provider_id").HasMaxLength(UnifiedModelId.MaxProviderIdLength), options);
            Id(b.Property(h => h.ModelName).HasColumnName("model_name").HasMaxLength(UnifiedModelId.MaxModelNameLength), options);
            b.Property(h => h.At).HasColumnName("at");
            b.Property(h => h.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
            b.Property(h => h.SourceName).HasColumnName("source_name");
            b.Property(h => h.SourceVersion).HasColumnName("source_version");
            b.Property(h => h.Changes).HasColumnName("changes").IsRequired();
            b.HasIndex(h => new { h.ProviderId, h.ModelName, h.Sequence }).HasDatabaseName("ix_" + options.HistoryTable + "_model");
        });

        return modelBuilder;
    }

    private static void Id<T>(Metadata.Builders.PropertyBuilder<T> property, ModelCatalogModelOptions options)
    {
        property.IsRequired();
        if (options.IdCollation is { } collation)
        {
            property.UseCollation(collation);
        }
    }

    /// <summary>The column a catalog type's own property is stored in: its name in snake_case (<c>DisplayName</c> → <c>display_name</c>).</summary>
    internal static string ColumnName(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (boundary)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
