using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// The one set of rules for JSON values the catalog stores (a model's <c>config</c>, any <see cref="JsonElement"/>
/// field of a host's model): how deep they may nest and what text they may hold. Importers apply them before a value
/// is accepted and stores apply the same limit when they read a value back, so whatever was stored can be read.
/// </summary>
/// <remarks>
/// Text must be valid UTF-8 without unpaired surrogate escapes (<c>\ud800</c> alone): such text cannot be turned into
/// a .NET string without replacing characters, and silently replacing them would store something upstream never said.
/// </remarks>
public static class CatalogJson
{
    /// <summary>
    /// The deepest a stored JSON value may nest (objects and arrays; a scalar is depth 0, <c>{}</c> depth 1). 64 is
    /// System.Text.Json's own default, so every reader with default options can read what the catalog stores.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Levels a store may wrap around a value in its own documents (a history row's array and change object): readers
    /// of those documents allow <see cref="MaxDepth"/> plus this.
    /// </summary>
    public const int EnvelopeDepth = 4;

    /// <summary>Document options for reading a stored value or a store's own document that wraps values.</summary>
    public static JsonDocumentOptions ReadOptions { get; } = new() { MaxDepth = MaxDepth + EnvelopeDepth };

    /// <summary>How deep a value nests: 0 for a scalar, 1 for an object or array of scalars, and so on.</summary>
    /// <param name="value">The value; an undefined element is depth 0.</param>
    /// <returns>The depth.</returns>
    public static int DepthOf(JsonElement value)
        => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? JsonTextScanner.Depth(JsonMarshal.GetRawUtf8Value(value))
            : 0;

    /// <summary>
    /// Checks a value against the catalog's rules: nesting at most <see cref="MaxDepth"/>, valid UTF-8, no unpaired
    /// surrogate escape in any string or property name.
    /// </summary>
    /// <param name="value">The value; an undefined element is valid.</param>
    /// <param name="problem">What is wrong, phrased to follow "the value " (e.g. "nests 70 levels deep, more than 64").</param>
    /// <returns><see langword="true"/> when the value may be stored.</returns>
    public static bool TryValidate(JsonElement value, [NotNullWhen(false)] out string? problem)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            problem = null;
            return true;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (JsonTextScanner.FindInvalidText(raw, out int offset, out string? reason))
        {
            problem = $"holds {reason} at byte {offset} of its JSON";
            return false;
        }

        int depth = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonTextScanner.Depth(raw) : 0;
        if (depth > MaxDepth)
        {
            problem = $"nests {depth} levels deep, more than the catalog's limit of {MaxDepth}";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// Finds the first text in a JSON document that cannot be read as a .NET string without replacement: invalid UTF-8
    /// or an unpaired surrogate escape. The document is assumed to be syntactically valid JSON (parse it first).
    /// </summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="line">The 1-based line of the problem.</param>
    /// <param name="column">The 1-based column (in bytes) of the problem.</param>
    /// <param name="problem">What is wrong ("invalid UTF-8", "an unpaired surrogate escape \ud800").</param>
    /// <returns><see langword="true"/> when a problem was found.</returns>
    public static bool TryFindInvalidText(ReadOnlySpan<byte> utf8Json, out int line, out int column, [NotNullWhen(true)] out string? problem)
    {
        if (!JsonTextScanner.FindInvalidText(utf8Json, out int offset, out string? found))
        {
            line = column = 0;
            problem = null;
            return false;
        }

        problem = found;

        var before = utf8Json[..offset];
        line = before.Count((byte)'\n') + 1;
        column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return true;
    }
}
