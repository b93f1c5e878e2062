using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generators.Model;

/// <summary>A diagnostic to report, as plain equatable values.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.Get(Id), Location?.ToLocation(), args);
    }
}
