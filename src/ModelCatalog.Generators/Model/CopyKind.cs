namespace ModelCatalog.Generators.Model;

/// <summary>How the generated code copies a value into another model so the two never share mutable state.</summary>
internal enum CopyKind
{
    /// <summary>Plain assignment: values and immutable references.</summary>
    Assign,

    /// <summary><c>JsonElement.Clone()</c>.</summary>
    JsonElement,

    /// <summary><c>JsonElement?</c>, cloned when present.</summary>
    NullableJsonElement,

    /// <summary><c>JsonNode.DeepClone()</c>.</summary>
    JsonNode,

    /// <summary>A copy of an array.</summary>
    Array,

    /// <summary>A new <c>List&lt;T&gt;</c> (for <c>List&lt;T&gt;</c> and the list and enumerable interfaces).</summary>
    List,

    /// <summary>A new <c>Dictionary&lt;K, V&gt;</c> keeping the comparer.</summary>
    Dictionary,

    /// <summary>A new <c>Dictionary&lt;K, V&gt;</c> behind a dictionary interface.</summary>
    DictionaryInterface,
}
