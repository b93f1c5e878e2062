namespace ModelCatalog.EntityFrameworkCore;

/// <summary>
/// How <c>modelBuilder.ApplyModelCatalog&lt;TModel&gt;()</c> names and types the catalog tables. The defaults suit SQLite;
/// call <see cref="UseProviderDefaults"/> with the context's provider name to get the right settings everywhere.
/// </summary>
public sealed class ModelCatalogModelOptions
{
    /// <summary>The provider name of Npgsql's EF Core provider.</summary>
    public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The models table; <c>catalog_models</c> by default.</summary>
    public string ModelsTable { get; set; } = "catalog_models";

    /// <summary>The history table; <c>catalog_model_history</c> by default.</summary>
    public string HistoryTable { get; set; } = "catalog_model_history";

    /// <summary>The schema of both tables; the provider's default when <see langword="null"/>.</summary>
    public string? Schema { get; set; }

    /// <summary>
    /// The collation of the <c>provider_id</c> and <c>model_name</c> columns. Unified IDs compare ordinally and
    /// case-sensitively, so this must be a binary (byte-order) collation: <see langword="null"/> keeps the column default,
    /// which is right for SQLite (<c>BINARY</c>); PostgreSQL needs <c>"C"</c> (its default collation is
    /// language-aware, so ordering and keyset paging would not follow unified ID order).
    /// </summary>
    public string? IdCollation { get; set; }

    /// <summary>
    /// Applies the settings a provider needs: for PostgreSQL (<see cref="NpgsqlProviderName"/>), <see cref="IdCollation"/>
    /// <c>"C"</c>. Pass <c>Database.ProviderName</c> from <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="providerName">The EF Core provider name, for example <c>Database.ProviderName</c>.</param>
    /// <returns>These options.</returns>
    public ModelCatalogModelOptions UseProviderDefaults(string? providerName)
    {
        if (string.Equals(providerName, NpgsqlProviderName, StringComparison.Ordinal))
        {
            IdCollation = "C";
        }

        return this;
    }
}
