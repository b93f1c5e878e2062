using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// The last official values synced for one model, for the fields that need them (the conditional fields): a JSON
/// object from property name to value, so every store persists it as one text column. Immutable; value equality
/// over the JSON text, which the generated merger writes in a canonical order.
/// </summary>
public sealed class ModelBaseline : IEquatable<ModelBaseline>
{
    private readonly JsonElement _root;

    // The recorded fields, indexed once at parse so that a merge looks a field up and compares a string without
    // going through the JSON document (the hot path of "nothing changed" syncs).
    private readonly Entry[] _entries;

    private ModelBaseline(string json, JsonElement root)
    {
        Json = json;
        _root = root;
        var entries = new List<Entry>();
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            entries.Add(new Entry(
                Encoding.UTF8.GetBytes(property.Name),
                value,
                value.ValueKind == JsonValueKind.String ? value.GetString() : null));
        }

        _entries = [.. entries];
    }

    /// <summary>A baseline that records no field.</summary>
    public static ModelBaseline Empty { get; } = Parse("{}");

    /// <summary>The JSON object text, for storage.</summary>
    public string Json { get; }

    /// <summary>Reads a stored baseline.</summary>
    /// <param name="json">A JSON object.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="FormatException"><paramref name="json"/> is not a JSON object.</exception>
    public static ModelBaseline Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, out var baseline)
            ? baseline
            : throw new FormatException("A model baseline must be a JSON object.");
    }

    /// <summary>Reads a stored baseline, or says it cannot. Never throws.</summary>
    /// <param name="json">A JSON object.</param>
    /// <param name="baseline">The baseline, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(string? json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelBaseline? baseline)
    {
        baseline = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, CatalogJson.ReadOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            baseline = new ModelBaseline(json, document.RootElement.Clone());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Creates a baseline from the UTF-8 JSON object a generated merger wrote.</summary>
    /// <param name="utf8Json">A UTF-8 JSON object.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="FormatException">The bytes are not a JSON object.</exception>
    public static ModelBaseline FromUtf8(ReadOnlySpan<byte> utf8Json) => Parse(Encoding.UTF8.GetString(utf8Json));

    /// <summary>Looks up the baseline value of one field.</summary>
    /// <param name="field">The property name.</param>
    /// <param name="value">The recorded official value (JSON <c>null</c> for a recorded null).</param>
    /// <returns><see langword="false"/> when no value was recorded for the field.</returns>
    public bool TryGetValue(string field, out JsonElement value) => _root.TryGetProperty(field, out value);

    /// <summary>Looks up the baseline value of one field by its UTF-8 name, without allocating.</summary>
    /// <param name="utf8Field">The property name in UTF-8.</param>
    /// <param name="value">The recorded official value (JSON <c>null</c> for a recorded null).</param>
    /// <returns><see langword="false"/> when no value was recorded for the field.</returns>
    public bool TryGetValue(ReadOnlySpan<byte> utf8Field, out JsonElement value) => TryGetValue(utf8Field, out value, out _);

    /// <summary>
    /// Looks up the baseline value of one field by its UTF-8 name, with its text already decoded when it is a JSON
    /// string. Allocates nothing. For generated mergers.
    /// </summary>
    /// <param name="utf8Field">The property name in UTF-8.</param>
    /// <param name="value">The recorded official value (JSON <c>null</c> for a recorded null).</param>
    /// <param name="text">The string when <paramref name="value"/> is a JSON string; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="false"/> when no value was recorded for the field.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryGetValue(ReadOnlySpan<byte> utf8Field, out JsonElement value, out string? text)
    {
        // Last one wins, like JsonElement.TryGetProperty with a repeated name.
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref _entries[i];
            if (utf8Field.SequenceEqual(entry.Name))
            {
                value = entry.Value;
                text = entry.Text;
                return true;
            }
        }

        value = default;
        text = null;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(ModelBaseline? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ModelBaseline);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <inheritdoc/>
    public override string ToString() => Json;

    private readonly record struct Entry(byte[] Name, JsonElement Value, string? Text);
}
