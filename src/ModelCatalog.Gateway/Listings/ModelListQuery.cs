using System.Globalization;

namespace ModelCatalog.Gateway;

/// <summary>
/// A page request for a model listing, as in Anthropic's <c>GET /v1/models?before_id=&amp;after_id=&amp;limit=</c>:
/// models come in <see cref="UnifiedModelId"/> order; <see cref="AfterId"/> asks for the page after a cursor,
/// <see cref="BeforeId"/> for the page before one.
/// </summary>
public sealed class ModelListQuery
{
    /// <summary>The default page size: 20.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest page size: 1000.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Creates a query.</summary>
    /// <param name="limit">The page size, 1–<see cref="MaxLimit"/>.</param>
    /// <param name="afterId">Return the models after this ID, or <see cref="UnifiedModelId.Empty"/>.</param>
    /// <param name="beforeId">Return the models before this ID, or <see cref="UnifiedModelId.Empty"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    /// <exception cref="ArgumentException">Both cursors are given.</exception>
    public ModelListQuery(int limit = DefaultLimit, UnifiedModelId afterId = default, UnifiedModelId beforeId = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (!afterId.IsEmpty && !beforeId.IsEmpty)
        {
            throw new ArgumentException("Give after_id or before_id, not both.", nameof(beforeId));
        }

        Limit = limit;
        AfterId = afterId;
        BeforeId = beforeId;
    }

    /// <summary>The first page with <see cref="DefaultLimit"/> models.</summary>
    public static ModelListQuery Default { get; } = new();

    /// <summary>The page size.</summary>
    public int Limit { get; }

    /// <summary>The cursor to page forward from (exclusive), or empty.</summary>
    public UnifiedModelId AfterId { get; }

    /// <summary>The cursor to page backward from (exclusive), or empty.</summary>
    public UnifiedModelId BeforeId { get; }

    /// <summary>
    /// Reads a query from the raw query-string values. Absent values take their defaults; a cursor need not name an
    /// existing model, it only has to be a valid ID.
    /// </summary>
    /// <param name="beforeId">The <c>before_id</c> value or <see langword="null"/>.</param>
    /// <param name="afterId">The <c>after_id</c> value or <see langword="null"/>.</param>
    /// <param name="limit">The <c>limit</c> value or <see langword="null"/>.</param>
    /// <param name="query">The query when valid.</param>
    /// <param name="error">A 400 error naming the bad parameter when not.</param>
    /// <returns><see langword="true"/> when the values form a valid query.</returns>
    public static bool TryCreate(string? beforeId, string? afterId, string? limit, out ModelListQuery query, out GatewayError? error)
    {
        query = Default;
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            error = GatewayError.InvalidParameter("limit", $"limit must be an integer from 1 to {MaxLimit}.");
            return false;
        }

        if (!TryCursor(afterId, "after_id", out var after, out error) || !TryCursor(beforeId, "before_id", out var before, out error))
        {
            return false;
        }

        if (!after.IsEmpty && !before.IsEmpty)
        {
            error = GatewayError.InvalidParameter("before_id", "Give after_id or before_id, not both.");
            return false;
        }

        query = new ModelListQuery(size, after, before);
        return true;
    }

    private static bool TryCursor(string? text, string name, out UnifiedModelId cursor, out GatewayError? error)
    {
        error = null;
        cursor = default;
        if (string.IsNullOrEmpty(text) || UnifiedModelId.TryParse(text, out cursor, out var reason, out var position))
        {
            return true;
        }

        error = GatewayError.InvalidParameter(name, $"{name} is not a valid model ID: {reason.Describe(position)}.");
        return false;
    }
}
