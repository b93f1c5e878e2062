namespace ModelCatalog;

/// <summary>
/// Smart sync takes the official value only while the stored value still equals the last official value synced
/// (the baseline); once an administrator customised it, it is kept. Typical use: the display name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ConditionalAttribute : Attribute
{
    /// <summary>
    /// An <see cref="System.Collections.Generic.IEqualityComparer{T}"/> for the property type with a public
    /// parameterless constructor, used instead of the default value equality.
    /// </summary>
    public Type? Comparer { get; set; }
}
