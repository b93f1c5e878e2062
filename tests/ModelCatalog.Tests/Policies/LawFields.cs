using System.Text.Json;

namespace ModelCatalog.Tests.Policies;

/// <summary>
/// The test's own, independent view of <see cref="LawModel"/>'s fields: how to read, write and compare each one, and how
/// to decode its recorded baseline value. The oracle is written against this table, not against generated code.
/// </summary>
public sealed record LawField(
    string Name,
    FieldPolicy Policy,
    Func<LawModel, object?> Get,
    Action<LawModel, object?> Set,
    Func<object?, object?, bool> Equal,
    Func<JsonElement, object?>? Decode)
{
    public override string ToString() => Name;

    public static readonly IReadOnlyList<LawField> All =
    [
        new("Name", FieldPolicy.Conditional, m => m.Name, (m, v) => m.Name = (string?)v, Equals, e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()),
        new("Rank", FieldPolicy.Conditional, m => m.Rank, (m, v) => m.Rank = (int?)v, Equals, e => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32()),
        new("Tier", FieldPolicy.Conditional, m => m.Tier, (m, v) => m.Tier = (LawTier)v!, Equals, e => (LawTier)e.GetInt32()),
        new("Price", FieldPolicy.Conditional, m => m.Price, (m, v) => m.Price = (decimal)v!, Equals, e => e.GetDecimal()),
        new("Description", FieldPolicy.Official, m => m.Description, (m, v) => m.Description = (string?)v, Equals, null),
        new("Cost", FieldPolicy.Official, m => m.Cost, (m, v) => m.Cost = (decimal?)v, Equals, null),
        new("Config", FieldPolicy.Official, m => m.Config, (m, v) => m.Config = (JsonElement?)v, JsonEqual, null),
        new("Tags", FieldPolicy.Official, m => m.Tags, (m, v) => m.Tags = (List<string>?)v, ListEqual, null),
        new("IsActive", FieldPolicy.Local, m => m.IsActive, (m, v) => m.IsActive = (bool)v!, Equals, null),
        new("Note", FieldPolicy.Local, m => m.Note, (m, v) => m.Note = (string?)v, Equals, null),
    ];

    public static IEnumerable<LawField> Conditional => All.Where(f => f.Policy == FieldPolicy.Conditional);

    public static IEnumerable<LawField> Local => All.Where(f => f.Policy == FieldPolicy.Local);

    private static bool JsonEqual(object? left, object? right)
        => left is JsonElement l ? right is JsonElement r && JsonElement.DeepEquals(l, r) : right is null;

    private static bool ListEqual(object? left, object? right)
        => left is List<string> l ? right is List<string> r && l.SequenceEqual(r, StringComparer.Ordinal) : right is null;
}
