namespace ModelCatalog.Yarp;

/// <summary>Media-type checks on raw header values (parameters such as <c>charset</c> ignored).</summary>
internal static class MediaTypes
{
    public static bool IsJson(string? contentType)
    {
        var type = Essence(contentType);
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsEventStream(string? contentType)
        => Essence(contentType).Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Essence(string? contentType)
    {
        var value = contentType.AsSpan();
        var semicolon = value.IndexOf(';');
        return (semicolon >= 0 ? value[..semicolon] : value).Trim();
    }
}
