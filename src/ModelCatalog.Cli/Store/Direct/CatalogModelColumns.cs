using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore;

namespace ModelCatalog.Cli.Store.Direct;

/// <summary>
/// The tool's one list of <see cref="CatalogModel"/>'s stored fields: how to read each for display and how to read it
/// from its SQLite column, without reflection. The column types and the JSON columns' text are EF Core's (the mapping
/// in ModelCatalog.EntityFrameworkCore); tests check the list against the EF Core model's properties and the reads
/// against EF Core's own, so a field added to the model and missing here fails a test.
/// </summary>
internal static class CatalogModelColumns
{
    /// <summary>Every field, in the model's declaration order.</summary>
    public static readonly CatalogModelColumn[] All =
    [
        new(nameof(CatalogModel.DisplayName), m => m.DisplayName, (m, r, i) => m.DisplayName = r.GetString(i)),
        new(nameof(CatalogModel.Description), m => m.Description, (m, r, i) => m.Description = r.IsDBNull(i) ? null : r.GetString(i)),
        new(nameof(CatalogModel.CostPerUnit), m => m.CostPerUnit, (m, r, i) => m.CostPerUnit = r.IsDBNull(i) ? null : r.GetDecimal(i)),
        new(nameof(CatalogModel.UnitType), m => m.UnitType, (m, r, i) => m.UnitType = r.IsDBNull(i) ? null : r.GetString(i)),
        new(nameof(CatalogModel.CreditsPerUnit), m => m.CreditsPerUnit, (m, r, i) => m.CreditsPerUnit = r.IsDBNull(i) ? null : r.GetDecimal(i)),
        new(nameof(CatalogModel.Config), m => m.Config, (m, r, i) => m.Config = r.IsDBNull(i) ? null : CatalogColumnJson.Read(r.GetString(i))),
        new(nameof(CatalogModel.Provider), m => m.Provider, (m, r, i) => m.Provider = r.IsDBNull(i) ? null : r.GetString(i)),
        new(nameof(CatalogModel.ModelType), m => m.ModelType, (m, r, i) => m.ModelType = r.IsDBNull(i) ? null : r.GetString(i)),
        new(nameof(CatalogModel.InputCostPerMillionTokens), m => m.InputCostPerMillionTokens, (m, r, i) => m.InputCostPerMillionTokens = r.IsDBNull(i) ? null : r.GetDecimal(i)),
        new(nameof(CatalogModel.OutputCostPerMillionTokens), m => m.OutputCostPerMillionTokens, (m, r, i) => m.OutputCostPerMillionTokens = r.IsDBNull(i) ? null : r.GetDecimal(i)),
        new(nameof(CatalogModel.ContextWindow), m => m.ContextWindow, (m, r, i) => m.ContextWindow = r.IsDBNull(i) ? null : r.GetInt32(i)),
        new(nameof(CatalogModel.MaxOutputTokens), m => m.MaxOutputTokens, (m, r, i) => m.MaxOutputTokens = r.IsDBNull(i) ? null : r.GetInt32(i)),
        new(nameof(CatalogModel.MaxInputTokens), m => m.MaxInputTokens, (m, r, i) => m.MaxInputTokens = r.IsDBNull(i) ? null : r.GetInt32(i)),
        new(nameof(CatalogModel.Pricing), m => m.Pricing, (m, r, i) => m.Pricing = CatalogColumnJson.ReadStructured<ModelPricing>(Text(r, i))),
        new(nameof(CatalogModel.Capabilities), m => m.Capabilities, (m, r, i) => m.Capabilities = CatalogColumnJson.ReadStructured<ModelCapabilities>(Text(r, i))),
        new(nameof(CatalogModel.Lifecycle), m => m.Lifecycle, (m, r, i) => m.Lifecycle = CatalogColumnJson.ReadStructured<ModelLifecycle>(Text(r, i))),
        new(nameof(CatalogModel.IsActive), m => m.IsActive, (m, r, i) => m.IsActive = r.GetBoolean(i)),
        new(nameof(CatalogModel.IsVisible), m => m.IsVisible, (m, r, i) => m.IsVisible = r.GetBoolean(i)),
        new(nameof(CatalogModel.IsBeta), m => m.IsBeta, (m, r, i) => m.IsBeta = r.GetBoolean(i)),
    ];

    private static readonly Dictionary<string, CatalogModelColumn> ByName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>A field's value for display, or <see langword="null"/> for a name the list does not hold.</summary>
    public static object? Get(CatalogModel model, string field) => ByName.TryGetValue(field, out var column) ? column.Get(model) : null;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>One stored field of <see cref="CatalogModel"/>.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Get">Reads the property.</param>
/// <param name="Read">Sets the property from the reader's column at the given ordinal.</param>
internal sealed record CatalogModelColumn(string Name, Func<CatalogModel, object?> Get, Action<CatalogModel, SqliteDataReader, int> Read)
{
    /// <summary>The SQLite column, named as the EF Core mapping names it.</summary>
    public string Column { get; } = ModelCatalogModelBuilderExtensions.ColumnName(Name);
}
