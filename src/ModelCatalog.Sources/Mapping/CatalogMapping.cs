using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>Builds <see cref="CatalogMapping{TModel}"/>s: how the built-in sources make a host's model type.</summary>
public static class CatalogMapping
{
    /// <summary>The built-in <see cref="CatalogModel"/> as read, with no hook.</summary>
    public static CatalogMapping<CatalogModel> Default { get; } = new(static (model, _) => model);

    /// <summary>
    /// A host type derived from <see cref="CatalogModel"/>: every built-in field is copied by the generated merger (one
    /// field list, no reflection), then <paramref name="map"/> fills the host's own fields from the upstream record,
    /// for example <c>(m, r) =&gt; m.SupportsVision = r.TryGetProperty("supports_vision", out var v) &amp;&amp; v.ValueKind == JsonValueKind.True</c>.
    /// </summary>
    /// <typeparam name="TModel">The host's <see cref="SyncModelAttribute"/> type.</typeparam>
    /// <param name="map">Sees each kept upstream record (a LiteLLM record, an OpenRouter model, a models.dev model, a
    /// native entry); the element is valid only during the call. <see langword="null"/> for no hook.</param>
    /// <returns>The mapping.</returns>
    public static CatalogMapping<TModel> For<TModel>(Action<TModel, JsonElement>? map = null)
        where TModel : CatalogModel, new()
        => new((model, record) =>
        {
            var target = new TModel();
            CatalogModel.Merger.CopyTo(model, target);
            map?.Invoke(target, record);
            return target;
        });

    /// <summary>
    /// A host type not derived from <see cref="CatalogModel"/>: <paramref name="projection"/> makes it from the
    /// built-in fields and the upstream record.
    /// </summary>
    /// <typeparam name="TModel">The host's model type.</typeparam>
    /// <param name="projection">Makes one model; the element is valid only during the call.</param>
    /// <returns>The mapping.</returns>
    public static CatalogMapping<TModel> Project<TModel>(Func<CatalogModel, JsonElement, TModel> projection)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        return new(projection);
    }
}
