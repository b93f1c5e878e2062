namespace ModelCatalog.Generators.Model;

/// <summary>The parser's output for one type: a model to emit (absent when an error was found) and the diagnostics.</summary>
internal sealed record ParseResult(TypeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
