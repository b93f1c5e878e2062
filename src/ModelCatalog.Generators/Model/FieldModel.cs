namespace ModelCatalog.Generators.Model;

/// <summary>One policy field of a catalog type, as the emitter needs it.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Policy">The policy: 0 official, 1 local, 2 conditional (the values of <c>ModelCatalog.FieldPolicy</c>).</param>
/// <param name="Type">The fully qualified property type, with its nullable annotation.</param>
/// <param name="DisplayType">The property type as a reader writes it, for <c>ModelFieldInfo.ClrType</c>.</param>
/// <param name="Equality">How values are compared.</param>
/// <param name="Copy">How values are copied.</param>
/// <param name="Baseline">How the value goes into the baseline (conditional fields only).</param>
/// <param name="BaselineCast">A cast applied before the baseline helpers (<c>long?</c> for enums and small integers), or empty.</param>
/// <param name="TypeArguments">The element type, or key and value types, of a collection; or the comparer type.</param>
internal sealed record FieldModel(
    string Name,
    int Policy,
    string Type,
    string DisplayType,
    EqualityKind Equality,
    CopyKind Copy,
    BaselineKind Baseline,
    string BaselineCast,
    EquatableArray<string> TypeArguments);
