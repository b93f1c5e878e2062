using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>
/// Turns a models-table row into the <see cref="StoredModel{TModel}"/> the store hands out. Apart from the EF Core
/// store, so the tool's direct SQLite reader applies the same checks without starting EF Core.
/// </summary>
internal static class StoredRows
{
    /// <summary>The stored model a row holds, with its sync state; a value the catalog does not write is a <see cref="ModelStoreDataException"/>.</summary>
    public static StoredModel<TModel> ToStored<TModel>(ModelRow<TModel> row)
        where TModel : class, ICatalogModel<TModel>
        => UnifiedModelId.TryCreate(row.ProviderId, row.ModelName, out var id)
            ? ToStored(row, id)
            : throw new ModelStoreDataException(
                $"A stored model cannot be read: its provider ID '{StoredText.Excerpt(row.ProviderId)}' and model name '{StoredText.Excerpt(row.ModelName)}' " +
                "do not form a valid unified model ID (changed outside the catalog). Repair the row, or delete it.");

    /// <summary>As <see cref="ToStored{TModel}(ModelRow{TModel})"/>, for a row whose ID the caller already checked.</summary>
    public static StoredModel<TModel> ToStored<TModel>(ModelRow<TModel> row, UnifiedModelId id)
        where TModel : class, ICatalogModel<TModel>
    {
        TModel.Merger.SetId(row.Model, id);
        var state = new ModelSyncState(
            row.Baseline is null ? null : ReadBaseline(row.Baseline, id),
            row.LastSyncedAt,
            row.SourceName,
            row.SourceVersion,
            row.MissingUpstreamSince)
        {
            PriceReview = row.PriceReview is null ? null : ReadPriceReview(row.PriceReview, id),
        };
        return new StoredModel<TModel>(row.Key, row.Model, row.Version, state);
    }

    private static ModelBaseline ReadBaseline(string text, UnifiedModelId id)
        => ModelBaseline.TryParse(text, out var baseline)
            ? baseline
            : throw Unreadable(id, "sync baseline", "it is not a JSON object within the catalog's nesting limit", null);

    private static PriceReview ReadPriceReview(string text, UnifiedModelId id)
    {
        try
        {
            var review = JsonSerializer.Deserialize(text, StructuredValueJson.PriceReview)
                ?? throw Unreadable(id, "price review", "it is JSON null", null);

            // The serializer leaves a missing member null; a review without its reason or prices cannot be decided.
            return review is { Reason: not null, Previous: not null, Proposed: not null }
                ? review
                : throw Unreadable(id, "price review", "its reason, previous or proposed prices are missing", null);
        }
        catch (JsonException exception)
        {
            // Never read as "no review": that would release a price change that is held for a person to approve.
            throw Unreadable(id, "price review", exception.Message, exception);
        }
    }

    private static ModelStoreDataException Unreadable(UnifiedModelId id, string value, string reason, Exception? inner)
        => Unreadable(id.ToString(), value, reason, inner);

    /// <summary>The error for a stored value the catalog does not write, naming the model (as stored) and the value.</summary>
    internal static ModelStoreDataException Unreadable(string model, string value, string reason, Exception? inner)
    {
        string message = $"The stored model '{model}' cannot be read: its {value} holds a value the catalog does not write ({reason.TrimEnd('.')}). " +
            "Repair the row, or delete the model and sync it again.";
        return inner is null ? new ModelStoreDataException(message) : new ModelStoreDataException(message, inner);
    }
}
