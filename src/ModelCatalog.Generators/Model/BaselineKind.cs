namespace ModelCatalog.Generators.Model;

/// <summary>How a conditional field's official value is written to, and compared with, the JSON baseline.</summary>
internal enum BaselineKind
{
    /// <summary>Not a conditional field.</summary>
    None,
    String,
    Boolean,
    Int64,
    UInt64,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    Id,
    JsonElement,
    JsonNode,
}
