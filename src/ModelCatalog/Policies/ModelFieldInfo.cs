namespace ModelCatalog;

/// <summary>Describes one policy field of a catalog model type, as the generator saw it.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Policy">The field's policy.</param>
/// <param name="ClrType">The property type, for display (for example <c>decimal?</c>).</param>
public sealed record ModelFieldInfo(string Name, FieldPolicy Policy, string ClrType);
