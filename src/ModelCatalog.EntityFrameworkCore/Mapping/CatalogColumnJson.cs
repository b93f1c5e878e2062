using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore;

/// <summary>
/// The text the catalog's JSON columns hold and how it is read back. The mapping's value converters call only these
/// public members, so an EF Core compiled model (<c>dotnet ef dbcontext optimize</c>) of a context with the catalog
/// tables can call them from its generated code; hosts have no other reason to.
/// </summary>
public static class CatalogColumnJson
{
    // The structured official values stored as one JSON column each, in the StructuredValueJson shape.
    private static readonly JsonTypeInfo[] Structured = [StructuredValueJson.Pricing, StructuredValueJson.Capabilities, StructuredValueJson.Lifecycle];

    /// <summary>
    /// A <see cref="JsonElement"/> as compact JSON text: no insignificant white space, so rows are smaller and reads
    /// faster.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The column text.</returns>
    public static string Write(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a JSON column back, allowing the catalog's nesting limit (<see cref="CatalogJson.ReadOptions"/>).</summary>
    /// <param name="text">The column text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ModelStoreDataException">The text is not JSON the catalog writes (the row was changed outside it).</exception>
    public static JsonElement Read(string text)
    {
        try
        {
            return JsonElement.Parse(text, CatalogJson.ReadOptions);
        }
        catch (JsonException exception)
        {
            throw Unreadable(text, exception);
        }
    }

    /// <summary>A structured official value (<see cref="ModelPricing"/>, <see cref="ModelCapabilities"/>, <see cref="ModelLifecycle"/>) as JSON text.</summary>
    /// <typeparam name="T">One of the structured value types.</typeparam>
    /// <param name="value">The value, or <see langword="null"/> when unknown.</param>
    /// <returns>The column text, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a structured value type.</exception>
    public static string? WriteStructured<T>(T? value)
        where T : class
        => value is null ? null : JsonSerializer.Serialize(value, StructuredInfo<T>.Info);

    /// <summary>Reads a structured official value's column back.</summary>
    /// <typeparam name="T">One of the structured value types.</typeparam>
    /// <param name="text">The column text, or <see langword="null"/>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a structured value type.</exception>
    /// <exception cref="ModelStoreDataException">The text is not JSON the catalog writes (the row was changed outside it).</exception>
    public static T? ReadStructured<T>(string? text)
        where T : class
    {
        try
        {
            return text is null ? null : JsonSerializer.Deserialize(text, StructuredInfo<T>.Info);
        }
        catch (JsonException exception)
        {
            throw Unreadable(text!, exception);
        }
    }

    // A value converter does not know its row: the excerpt is what lets a person find it.
    private static ModelStoreDataException Unreadable(string text, JsonException exception)
    {
        return new ModelStoreDataException(
            $"A stored JSON column of the catalog cannot be read back ({exception.Message.TrimEnd('.')}); it starts with '{Storage.StoredText.Excerpt(text)}'. " +
            "The row was changed outside the catalog: repair it, or delete the model and sync it again.",
            exception);
    }

    /// <summary>Whether a property of this type is stored as a structured JSON column.</summary>
    internal static bool IsStructured(Type type) => Array.Exists(Structured, info => info.Type == type);

    private static class StructuredInfo<T>
    {
        public static readonly JsonTypeInfo<T> Info = Array.Find(Structured, info => info.Type == typeof(T)) as JsonTypeInfo<T>
            ?? throw new ArgumentException($"{typeof(T).Name} is not stored as a structured JSON column.", nameof(T));
    }
}
