using System.Text.Json;

namespace ModelCatalog.Sources;

/// <summary>
/// How a built-in source turns each upstream record into the host's model type. Every format is first read into the
/// built-in <see cref="CatalogModel"/> fields; the mapping then makes the host's model from that and the upstream
/// record. Build one with <see cref="CatalogMapping.For{TModel}(Action{TModel, JsonElement})"/> (a type derived from
/// <see cref="CatalogModel"/>) or <see cref="CatalogMapping.Project{TModel}"/> (any other type).
/// </summary>
/// <typeparam name="TModel">The host's model type.</typeparam>
public sealed class CatalogMapping<TModel>
    where TModel : class
{
    private readonly Func<CatalogModel, JsonElement, TModel> _map;

    internal CatalogMapping(Func<CatalogModel, JsonElement, TModel> map) => _map = map;

    /// <summary>Makes the host's model of one kept upstream entry.</summary>
    /// <param name="model">The entry read into the built-in fields.</param>
    /// <param name="record">The upstream record (valid only during the call; clone what you keep).</param>
    /// <returns>The host's model.</returns>
    internal TModel Map(CatalogModel model, JsonElement record)
        => _map(model, record) ?? throw new InvalidOperationException($"The catalog mapping to {typeof(TModel).Name} returned null for '{model.Id}'.");
}
