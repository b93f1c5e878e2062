namespace ModelCatalog.Sources.Tests.Support;

/// <summary>One request as the server saw it; <see cref="Status"/> is set when the response starts.</summary>
public sealed class RequestLog(string path, string? ifNoneMatch, string? authorization)
{
    public string Path { get; } = path;

    public string? IfNoneMatch { get; } = ifNoneMatch;

    public string? Authorization { get; } = authorization;

    public int Status { get; set; }
}
