using System.Buffers;
using System.Text;
using System.Text.Json;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>Writes and reads the <c>changes</c> column: a JSON array of field changes, values kept verbatim as JSON.</summary>
internal static class HistoryChangesJson
{
    public static string Format(IReadOnlyList<HistoryFieldChange> changes)
    {
        if (changes.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(128 * changes.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", change.Field);
                writer.WriteString("policy", change.Policy.ToString());
                writer.WriteString("decision", change.Decision.ToString());
                writer.WritePropertyName("old");
                writer.WriteRawValue(change.OldValueJson, skipInputValidation: true); // written by FieldValueJson: valid, and may nest up to CatalogJson.MaxDepth
                writer.WritePropertyName("new");
                writer.WriteRawValue(change.NewValueJson, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the column back.</summary>
    /// <exception cref="ModelStoreDataException">The text is not what <see cref="Format"/> writes (changed outside the catalog).</exception>
    public static HistoryFieldChange[] Parse(string json, UnifiedModelId id, long sequence)
    {
        if (json is "[]" or "")
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json, CatalogJson.ReadOptions);
            var changes = new HistoryFieldChange[document.RootElement.GetArrayLength()];
            int i = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                changes[i++] = new HistoryFieldChange(
                    item.GetProperty("field").GetString()!,
                    Enum.Parse<FieldPolicy>(item.GetProperty("policy").GetString()!),
                    Enum.Parse<FieldDecision>(item.GetProperty("decision").GetString()!),
                    item.GetProperty("old").GetRawText(),
                    item.GetProperty("new").GetRawText());
            }

            return changes;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            // Wrong JSON, a missing member, a value of the wrong kind or an unknown policy or decision name alike.
            throw new ModelStoreDataException(
                $"The history of '{id}' cannot be read: entry {sequence} holds changes the catalog does not write ({exception.Message.TrimEnd('.')}). " +
                "Repair or delete that history row.",
                exception);
        }
    }
}
