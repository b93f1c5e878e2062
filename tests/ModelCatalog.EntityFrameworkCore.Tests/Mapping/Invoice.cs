namespace ModelCatalog.EntityFrameworkCore.Tests.Mapping;

/// <summary>An entity of the host, beside the catalog.</summary>
public sealed class Invoice
{
    public int Id { get; set; }

    public string ModelId { get; set; } = string.Empty;
}
