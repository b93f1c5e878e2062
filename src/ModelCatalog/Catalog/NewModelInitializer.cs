namespace ModelCatalog;

/// <summary>
/// Sets initial local values on a model a sync is about to create, for example "new models start hidden".
/// Register with <c>builder.InitializeNewModels(...)</c>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="initialize">The action applied to each new model.</param>
internal sealed class NewModelInitializer<TModel>(Action<TModel> initialize)
    where TModel : class
{
    /// <summary>Applies the initial values.</summary>
    /// <param name="model">The new model.</param>
    public void Initialize(TModel model) => initialize(model);
}
