namespace ModelCatalog;

/// <summary>
/// Marks a <see langword="partial"/> class or record as a catalog model type. The ModelCatalog source generator then
/// emits its <see cref="IModelMerger{TModel}"/> and implements <see cref="ICatalogModel{TSelf}"/>. Every public settable
/// property must carry exactly one of <see cref="OfficialAttribute"/>, <see cref="LocalAttribute"/> or
/// <see cref="ConditionalAttribute"/>, except the single <see cref="UnifiedModelId"/> key property; anything else is a
/// compile-time error. A derived catalog type carries the attribute again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncModelAttribute : Attribute;
