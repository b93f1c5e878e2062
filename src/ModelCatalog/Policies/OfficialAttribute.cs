namespace ModelCatalog;

/// <summary>
/// The official source owns this property: every applied sync (<see cref="UpdateMode.Smart"/> and
/// <see cref="UpdateMode.Force"/>) takes the official value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OfficialAttribute : Attribute
{
    /// <summary>
    /// An <see cref="System.Collections.Generic.IEqualityComparer{T}"/> for the property type with a public
    /// parameterless constructor, used instead of the default value equality.
    /// </summary>
    public Type? Comparer { get; set; }
}
