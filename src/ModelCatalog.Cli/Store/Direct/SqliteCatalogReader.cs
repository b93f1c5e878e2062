using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Mapping;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Store.Direct;

/// <summary>
/// Reads the catalog's models table of a SQLite file with Microsoft.Data.Sqlite alone, without starting EF Core: a
/// short command spends most of its time loading EF Core's types and compiling its first query (benchmarks/README.md,
/// start-up), and the tool's reads — show, list and the read half of every sync, all of a no-op re-sync — need only one
/// SELECT each. Same table, columns, column types and JSON text as the EF Core mapping (the shadow columns from
/// <see cref="CatalogColumns.Names"/>, the fields from <see cref="CatalogModelColumns"/>), the same row checks
/// (<see cref="StoredRows"/>) and the same SQL order; tests compare every read with the EF Core store's on real
/// catalogs. Writes stay with EF Core.
/// </summary>
internal sealed class SqliteCatalogReader(string connectionString)
{
    /// <summary>The models table of the tool's context: the mapping's default name.</summary>
    public static readonly string ModelsTable = new ModelCatalogModelOptions().ModelsTable;

    // The shadow columns in this order (ReadRow reads them by these positions), then the model's fields in list order.
    private static readonly string[] ShadowColumns =
    [
        CatalogColumns.Names.Key, CatalogColumns.Names.ProviderId, CatalogColumns.Names.ModelName, CatalogColumns.Names.Version,
        CatalogColumns.Names.Baseline, CatalogColumns.Names.LastSyncedAt, CatalogColumns.Names.SourceName,
        CatalogColumns.Names.SourceVersion, CatalogColumns.Names.MissingUpstreamSince, CatalogColumns.Names.PriceReview,
    ];

    private static readonly string Select =
        $"SELECT {string.Join(", ", ShadowColumns.Concat(CatalogModelColumns.All.Select(c => c.Column)).Select(Quote))} FROM {Quote(ModelsTable)}";

    private static readonly string Order = $" ORDER BY {Quote(CatalogColumns.Names.ProviderId)}, {Quote(CatalogColumns.Names.ModelName)}";

    /// <summary>One model, or <see langword="null"/>.</summary>
    public async ValueTask<StoredModel<CatalogModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken)
    {
        if (id.IsEmpty)
        {
            return null;
        }

        var where = new Where();
        where.Equal(CatalogColumns.Names.ProviderId, id.ProviderId);
        where.Equal(CatalogColumns.Names.ModelName, id.ModelName);
        var (rows, _) = await QueryAsync(where, null, null, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The stored models among <paramref name="ids"/>, with the EF Core store's plan: a small set filters on provider IDs
    /// and model names (one query), a large one on provider IDs only, <see cref="EfCoreModelStore{TModel, TContext}.MaxParametersPerQuery"/>
    /// per query. Either is a superset; only the rows asked for are converted, so a damaged row nobody asked for fails
    /// nothing (as with EF Core).
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>>> FindManyAsync(IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Where(i => !i.IsEmpty).ToHashSet();
        var found = new Dictionary<UnifiedModelId, StoredModel<CatalogModel>>(wanted.Count);
        var providers = wanted.Select(i => i.ProviderId).Distinct(StringComparer.Ordinal).ToArray();
        const int PerQuery = EfCoreModelStore<CatalogModel, ModelCatalogDbContext>.MaxParametersPerQuery;
        var filters = new List<Where>();
        if (wanted.Count + providers.Length <= PerQuery)
        {
            var where = new Where();
            where.In(CatalogColumns.Names.ProviderId, providers);
            where.In(CatalogColumns.Names.ModelName, wanted.Select(i => i.ModelName).Distinct(StringComparer.Ordinal));
            filters.Add(where);
        }
        else
        {
            foreach (var chunk in providers.Chunk(PerQuery))
            {
                var where = new Where();
                where.In(CatalogColumns.Names.ProviderId, chunk);
                filters.Add(where);
            }
        }

        foreach (var where in wanted.Count == 0 ? [] : filters)
        {
            var (rows, _) = await QueryAsync(where, null, wanted, int.MaxValue, cancellationToken).ConfigureAwait(false);
            foreach (var stored in rows)
            {
                found[stored.Model.Id] = stored;
            }
        }

        return found;
    }

    /// <summary>One page of models in ID order (ordinal: SQLite's BINARY collation), as <see cref="IModelStore{TModel}.ListAsync"/>.</summary>
    public async ValueTask<ModelPage<CatalogModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var where = new Where();
        where.Equal(CatalogColumns.Names.ProviderId, query.ProviderId);
        where.Equal(CatalogColumns.Names.SourceName, query.SourceName);
        where.Equal(CatalogColumns.Names.PriceReviewStatus, query.PriceReview is { } review ? (int)review : null);
        where.Equal(ModelCatalogModelBuilderExtensions.ColumnName(nameof(IModelAvailability.IsActive)), query.IsActive);
        where.Equal(ModelCatalogModelBuilderExtensions.ColumnName(nameof(IModelAvailability.IsVisible)), query.IsVisible);
        if (!query.After.IsEmpty)
        {
            where.After(query.After);
        }

        // One row more than the page tells whether another page follows; it is not converted, so a damaged row just
        // after the page does not fail this one (as with EF Core).
        var (rows, more) = await QueryAsync(where, $"{Order} LIMIT {(query.Limit + 1).ToString(CultureInfo.InvariantCulture)}", null, query.Limit, cancellationToken).ConfigureAwait(false);
        return new ModelPage<CatalogModel>(rows, more ? rows[^1].Model.Id : default);
    }

    // Converts up to `limit` rows (those in `wanted`, when given); More says whether a further row came back.
    private async Task<(List<StoredModel<CatalogModel>> Rows, bool More)> QueryAsync(
        Where where, string? tail, HashSet<UnifiedModelId>? wanted, int limit, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = Select + where.Sql + tail;
            command.Parameters.AddRange(where.Parameters);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<StoredModel<CatalogModel>>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (rows.Count == limit)
                    {
                        return (rows, true);
                    }

                    if (wanted is null)
                    {
                        rows.Add(StoredRows.ToStored(ReadRow(reader)));
                    }
                    else if (UnifiedModelId.TryCreate(Text(reader, 1) ?? string.Empty, Text(reader, 2) ?? string.Empty, out var id) && wanted.Contains(id))
                    {
                        rows.Add(StoredRows.ToStored(ReadRow(reader), id));
                    }
                }

                return (rows, false);
            }
        }
    }

    private static ModelRow<CatalogModel> ReadRow(SqliteDataReader reader)
    {
        string providerId = Text(reader, 1) ?? string.Empty, modelName = Text(reader, 2) ?? string.Empty;
        int ordinal = 0;
        try
        {
            var model = new CatalogModel();
            for (ordinal = ShadowColumns.Length; ordinal < reader.FieldCount; ordinal++)
            {
                CatalogModelColumns.All[ordinal - ShadowColumns.Length].Read(model, reader, ordinal);
            }

            ordinal = 0;
            var key = reader.GetGuid(ordinal);
            ordinal = 3;
            long version = reader.GetInt64(ordinal);
            ordinal = 5;
            DateTimeOffset? lastSynced = reader.IsDBNull(ordinal) ? null : reader.GetDateTimeOffset(ordinal);
            ordinal = 8;
            DateTimeOffset? missingSince = reader.IsDBNull(ordinal) ? null : reader.GetDateTimeOffset(ordinal);
            return new ModelRow<CatalogModel>
            {
                Model = model,
                Key = key,
                ProviderId = providerId,
                ModelName = modelName,
                Version = version,
                Baseline = Text(reader, 4),
                LastSyncedAt = lastSynced,
                SourceName = Text(reader, 6),
                SourceVersion = Text(reader, 7),
                MissingUpstreamSince = missingSince,
                PriceReview = Text(reader, 9),
            };
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException or InvalidOperationException)
        {
            // Text that does not parse, a number where text belongs, a date out of range (a number read as a Julian
            // day), NULL in a column the mapping makes NOT NULL: all are rows changed outside the catalog.
            throw StoredRows.Unreadable($"{StoredText.Excerpt(providerId)}/{StoredText.Excerpt(modelName)}", $"column '{reader.GetName(ordinal)}'", exception.Message, exception);
        }
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A WHERE clause built from the query's filters, every value a parameter.</summary>
    private sealed class Where
    {
        private readonly StringBuilder _sql = new();
        private readonly List<SqliteParameter> _parameters = [];

        public string Sql => _sql.ToString();

        public SqliteParameter[] Parameters => [.. _parameters];

        public void Equal(string column, object? value)
        {
            if (value is not null)
            {
                Add($"{Quote(column)} = {Parameter(value)}");
            }
        }

        public void In(string column, IEnumerable<string> values) => Add($"{Quote(column)} IN ({string.Join(", ", values.Select(v => Parameter(v)))})");

        // Keyset paging: after (provider, name) in the ORDER BY's order, as the EF Core store's translation.
        public void After(UnifiedModelId after)
        {
            string provider = Parameter(after.ProviderId), name = Parameter(after.ModelName);
            string providerColumn = Quote(CatalogColumns.Names.ProviderId), nameColumn = Quote(CatalogColumns.Names.ModelName);
            Add($"({providerColumn} > {provider} OR ({providerColumn} = {provider} AND {nameColumn} > {name}))");
        }

        private string Parameter(object value)
        {
            string name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
            _parameters.Add(new SqliteParameter(name, value));
            return name;
        }

        private void Add(string condition) => _sql.Append(_sql.Length == 0 ? " WHERE " : " AND ").Append(condition);
    }
}
