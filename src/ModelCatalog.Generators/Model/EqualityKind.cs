namespace ModelCatalog.Generators.Model;

/// <summary>How the generated code compares two values of a field.</summary>
internal enum EqualityKind
{
    /// <summary><c>a == b</c>: primitives, decimal, string (ordinal), enums, DateTime and their nullables.</summary>
    Operator,

    /// <summary><c>EqualityComparer&lt;T&gt;.Default</c>.</summary>
    Default,

    /// <summary>The attribute's <c>Comparer</c>.</summary>
    Custom,

    /// <summary><c>JsonElement.DeepEquals</c>.</summary>
    JsonElement,

    /// <summary><c>JsonNode.DeepEquals</c>.</summary>
    JsonNode,

    /// <summary>Element by element, in order.</summary>
    Sequence,

    /// <summary>Key by key, through <c>IReadOnlyDictionary</c>.</summary>
    ReadOnlyDictionary,

    /// <summary>Key by key, through <c>IDictionary</c>.</summary>
    Dictionary,
}
