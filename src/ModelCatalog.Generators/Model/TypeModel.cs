namespace ModelCatalog.Generators.Model;

/// <summary>Everything the emitter needs for one <c>[SyncModel]</c> type, with value equality.</summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c> or <c>record</c>.</param>
/// <param name="Name">The type name.</param>
/// <param name="FullName">The fully qualified type name.</param>
/// <param name="ContainingTypes">Outer types, outermost first.</param>
/// <param name="HidesBaseMerger">A base type already has a static <c>Merger</c>, so the generated one is <c>new</c>.</param>
/// <param name="KeyName">The key property.</param>
/// <param name="Fields">The policy fields, base type first.</param>
internal sealed record TypeModel(
    string Namespace,
    string Keyword,
    string Name,
    string FullName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    bool HidesBaseMerger,
    string KeyName,
    EquatableArray<FieldModel> Fields);
