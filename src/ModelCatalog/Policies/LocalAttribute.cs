namespace ModelCatalog;

/// <summary>
/// The local administrator owns this property (active, visible, beta): Smart sync keeps it; only
/// <see cref="UpdateMode.Force"/> takes the official value, and reports that it overwrote a local value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LocalAttribute : Attribute
{
    /// <summary>
    /// An <see cref="System.Collections.Generic.IEqualityComparer{T}"/> for the property type with a public
    /// parameterless constructor, used instead of the default value equality.
    /// </summary>
    public Type? Comparer { get; set; }
}
