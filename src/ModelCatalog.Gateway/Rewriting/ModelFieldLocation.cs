namespace ModelCatalog.Gateway;

/// <summary>Where the <c>model</c> string value sits in a JSON body: the byte range of the quoted token and its text.</summary>
public readonly struct ModelFieldLocation
{
    internal ModelFieldLocation(long start, long length, string? value)
    {
        Start = start;
        Length = length;
        Value = value;
    }

    /// <summary>The offset of the value's opening quote in the body.</summary>
    public long Start { get; }

    /// <summary>The length of the value token in bytes, both quotes included.</summary>
    public long Length { get; }

    /// <summary>The offset just after the closing quote.</summary>
    public long End => Start + Length;

    /// <summary>The unescaped value (<c>"openai\/gpt-4o"</c> reads <c>openai/gpt-4o</c>), or <see langword="null"/> when not read.</summary>
    public string? Value { get; }

    /// <summary>Whether this is a location found in a body (the default value is not).</summary>
    public bool IsFound => Length >= 2;

    internal ModelFieldLocation Shift(long offset) => new(Start + offset, Length, Value);
}
