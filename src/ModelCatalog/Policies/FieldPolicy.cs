namespace ModelCatalog;

/// <summary>Who owns a field of a catalog model, and so what a sync may do to it.</summary>
public enum FieldPolicy
{
    /// <summary>The official source owns the field: every applied sync takes the official value.</summary>
    Official = 0,

    /// <summary>The local administrator owns the field (active, visible, beta): only <see cref="UpdateMode.Force"/> overwrites it.</summary>
    Local = 1,

    /// <summary>
    /// The official value is taken only while the stored value still equals the last official value synced (the
    /// baseline); once an administrator customised it, it is kept.
    /// </summary>
    Conditional = 2,
}
