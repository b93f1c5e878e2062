namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>The text that fills a benchmark body's messages.</summary>
public enum BodyText
{
    /// <summary>English prose: every byte ASCII.</summary>
    Ascii,

    /// <summary>Mixed scripts: Cyrillic, Greek, accented Latin (2-byte), CJK (3-byte) and emoji (4-byte); about 80 % of the bytes non-ASCII.</summary>
    NonAscii,
}
