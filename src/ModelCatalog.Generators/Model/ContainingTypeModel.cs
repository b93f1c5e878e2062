namespace ModelCatalog.Generators.Model;

/// <summary>A type that contains the catalog type: its keyword (<c>class</c>, <c>record</c>, <c>struct</c>...) and its name with type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);
