using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ModelCatalog.Cli.Store;
using ModelCatalog.Cli.Store.CompiledModel;
using ModelCatalog.EntityFrameworkCore;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// The tool's SQLite store runs on a generated (compiled) EF Core model. It goes stale silently when the mapping
/// changes, so it is compared with the model the mapping builds; regenerate it with Store/CompiledModel/regenerate.sh.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_sqlite_store_uses_the_compiled_model()
    {
        using var compiled = new ModelCatalogDbContext(CatalogStoreFactory.SqliteOptions("Data Source=:memory:", compiledModel: true));

        Assert.IsType<ModelCatalogDbContextModel>(compiled.Model);
    }

    [Fact]
    public void The_compiled_model_has_the_tables_columns_types_keys_and_indexes_the_mapping_builds()
    {
        using var runtime = new ModelCatalogDbContext(CatalogStoreFactory.SqliteOptions("Data Source=:memory:", compiledModel: false));
        using var compiled = new ModelCatalogDbContext(CatalogStoreFactory.SqliteOptions("Data Source=:memory:", compiledModel: true));

        var expected = Describe(runtime.Model);
        Assert.Contains(expected, line => line.StartsWith("column catalog_models.provider_id ", StringComparison.Ordinal)); // the description reaches the columns
        Assert.Equal(expected, Describe(compiled.Model));
    }

    /// <summary>
    /// Everything of a model that reaches the database or a row's values, one sorted line each. Collations are not in
    /// a read-optimized model (and the SQLite mapping sets none).
    /// </summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.Add($"table {table.Schema}.{table.Name}");
            foreach (var column in table.Columns)
            {
                lines.Add($"column {table.Name}.{column.Name} {column.StoreType} nullable={column.IsNullable} max={column.MaxLength} default={column.DefaultValueSql}");
                foreach (var mapping in column.PropertyMappings)
                {
                    var property = mapping.Property;
                    var converter = property.GetValueConverter();
                    lines.Add($"property {table.Name}.{column.Name} {property.DeclaringType.ClrType.Name}.{property.Name} {property.ClrType} shadow={property.IsShadowProperty()} "
                        + $"generated={property.ValueGenerated} token={property.IsConcurrencyToken} converter={converter?.ModelClrType}->{converter?.ProviderClrType} "
                        + $"comparer={property.GetValueComparer().GetType()}");
                }
            }

            if (table.PrimaryKey is { } key)
            {
                lines.Add($"key {table.Name}.{key.Name} ({string.Join(", ", key.Columns.Select(c => c.Name))})");
            }

            foreach (var constraint in table.UniqueConstraints)
            {
                lines.Add($"unique {table.Name}.{constraint.Name} ({string.Join(", ", constraint.Columns.Select(c => c.Name))})");
            }

            foreach (var index in table.Indexes)
            {
                lines.Add($"index {table.Name}.{index.Name} ({string.Join(", ", index.Columns.Select(c => c.Name))}) unique={index.IsUnique} filter={index.Filter}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
