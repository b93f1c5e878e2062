using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// Writes model listings and single models in the OpenAI and Anthropic shapes with <see cref="Utf8JsonWriter"/>
/// (no reflection, AOT friendly). IDs are unified model IDs.
/// </summary>
public static class ModelListWriter
{
    /// <summary>Writes OpenAI's <c>{"object":"list","data":[{"id","object":"model","created","owned_by"}]}</c>.</summary>
    /// <param name="output">Receives the UTF-8 JSON body.</param>
    /// <param name="models">The models, already filtered to the listed ones.</param>
    public static void WriteOpenAIList(IBufferWriter<byte> output, IEnumerable<GatewayModel> models)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(models);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("object"u8, "list"u8);
        writer.WriteStartArray("data"u8);
        foreach (var model in models)
        {
            WriteOpenAIModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one model in OpenAI's shape: <c>{"id","object":"model","created","owned_by"}</c>.</summary>
    /// <param name="output">Receives the UTF-8 JSON body.</param>
    /// <param name="model">The model.</param>
    public static void WriteOpenAIModel(IBufferWriter<byte> output, GatewayModel model)
        => WriteOne(output, model, WriteOpenAIModel);

    /// <summary>
    /// Writes Anthropic's <c>{"data":[{"type":"model","id","display_name","created_at"}],"has_more","first_id","last_id"}</c>;
    /// <c>first_id</c> and <c>last_id</c> are <c>null</c> for an empty page.
    /// </summary>
    /// <param name="output">Receives the UTF-8 JSON body.</param>
    /// <param name="page">The page.</param>
    public static void WriteAnthropicList(IBufferWriter<byte> output, GatewayModelPage page)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(page);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray("data"u8);
        foreach (var model in page.Models)
        {
            WriteAnthropicModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("has_more"u8, page.HasMore);
        WriteId(writer, "first_id"u8, page.FirstId);
        WriteId(writer, "last_id"u8, page.LastId);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one model in Anthropic's shape: <c>{"type":"model","id","display_name","created_at","lifecycle",
    /// "deprecated_at","retires_at","max_input_tokens","max_tokens","capabilities","line"}</c>; unknown values are <c>null</c>.
    /// </summary>
    /// <param name="output">Receives the UTF-8 JSON body.</param>
    /// <param name="model">The model.</param>
    public static void WriteAnthropicModel(IBufferWriter<byte> output, GatewayModel model)
        => WriteOne(output, model, WriteAnthropicModel);

    private static void WriteOne(IBufferWriter<byte> output, GatewayModel model, Action<Utf8JsonWriter, GatewayModel> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(model);
        using var writer = new Utf8JsonWriter(output);
        write(writer, model);
    }

    private static void WriteOpenAIModel(Utf8JsonWriter writer, GatewayModel model)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, model.EncodedId);
        writer.WriteString("object"u8, "model"u8);
        writer.WriteNumber("created"u8, model.Created.ToUnixTimeSeconds());
        writer.WriteString("owned_by"u8, model.OwnedBy);
        writer.WriteEndObject();
    }

    // The fields of Anthropic's current models API (its SDK 13.14 requires lifecycle). What the catalog does not know
    // is written as null, which the API and the SDK allow: capabilities and line until the catalog carries them.
    private static void WriteAnthropicModel(Utf8JsonWriter writer, GatewayModel model)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "model"u8);
        writer.WriteString("id"u8, model.EncodedId);
        writer.WriteString("display_name"u8, model.DisplayName);

        // RFC 3339 in UTC with a 'Z', as Anthropic writes it.
        writer.WriteString("created_at"u8, model.Created.UtcDateTime);
        writer.WriteString("lifecycle"u8, LifecycleName(model.Lifecycle));
        WriteTime(writer, "deprecated_at"u8, model.DeprecatedAt);
        WriteTime(writer, "retires_at"u8, model.RetiresAt);
        WriteCount(writer, "max_input_tokens"u8, model.MaxInputTokens);
        WriteCount(writer, "max_tokens"u8, model.MaxOutputTokens);
        writer.WriteNull("capabilities"u8);
        writer.WriteNull("line"u8);
        writer.WriteEndObject();
    }

    private static ReadOnlySpan<byte> LifecycleName(GatewayModelLifecycle lifecycle) => lifecycle switch
    {
        GatewayModelLifecycle.Deprecated => "deprecated"u8,
        GatewayModelLifecycle.Retired => "retired"u8,
        _ => "active"u8,
    };

    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time.UtcDateTime);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteCount(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } count)
        {
            writer.WriteNumber(name, count);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteId(Utf8JsonWriter writer, ReadOnlySpan<byte> name, UnifiedModelId id)
    {
        if (id.IsEmpty)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, id.ToString());
        }
    }
}
