namespace ModelCatalog;

/// <summary>One priced part of a request's cost: <c>Cost = Quantity × UnitPrice</c> (÷ 1,000,000 for token components), exact.</summary>
/// <param name="Kind">Which part.</param>
/// <param name="Quantity">Tokens for token components, requests or images otherwise.</param>
/// <param name="UnitPrice">USD per 1,000,000 tokens for token components, USD per request or image otherwise.</param>
/// <param name="Cost">The cost in USD.</param>
public sealed record CostComponent(CostComponentKind Kind, long Quantity, decimal UnitPrice, decimal Cost)
{
    /// <summary>The stable snake_case name (<c>input</c>, <c>cache_read</c>, <c>cache_write</c>, <c>cache_write_1h</c>, <c>audio_input</c>, <c>output</c>, <c>reasoning</c>, <c>audio_output</c>, <c>request</c>, <c>image</c>).</summary>
    public string Name => NameOf(Kind);

    /// <summary>Whether <see cref="UnitPrice"/> is per 1,000,000 tokens (otherwise per request or per image).</summary>
    public bool IsPerMillionTokens => Kind is not (CostComponentKind.Request or CostComponentKind.Image);

    /// <summary>The stable snake_case name of a component kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(CostComponentKind kind) => kind switch
    {
        CostComponentKind.Input => "input",
        CostComponentKind.CacheRead => "cache_read",
        CostComponentKind.CacheWrite => "cache_write",
        CostComponentKind.CacheWrite1Hour => "cache_write_1h",
        CostComponentKind.AudioInput => "audio_input",
        CostComponentKind.Output => "output",
        CostComponentKind.Reasoning => "reasoning",
        CostComponentKind.AudioOutput => "audio_output",
        CostComponentKind.Request => "request",
        CostComponentKind.Image => "image",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a cost component."),
    };
}
