namespace ModelCatalog;

/// <summary>What <see cref="PriceHistory"/> could say about a model's price at an instant.</summary>
public enum PriceAtStatus
{
    /// <summary>The model was in the catalog then; <see cref="PriceAtResult.Pricing"/> is its pricing then (possibly none).</summary>
    Found,

    /// <summary>The instant is before the model's (latest) creation in the catalog: nothing is known about its price then.</summary>
    NotYetInCatalog,

    /// <summary>The catalog has no such model (never synced, or deleted since).</summary>
    UnknownModel,
}
