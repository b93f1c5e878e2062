namespace ModelCatalog.ReadModel;

/// <summary>
/// Where a requested model string leads in one <see cref="CatalogSnapshot{TModel}"/>: the position of the model, or why
/// there is none. A value type, so hot readers (chat routing) resolve without allocating.
/// </summary>
public readonly struct ModelLookup
{
    internal ModelLookup(ModelLookupStatus status, int index, UnifiedModelIdError parseError, int parseErrorPosition, bool caseInsensitiveMatch)
    {
        Status = status;
        Index = index;
        ParseError = parseError;
        ParseErrorPosition = parseErrorPosition;
        IsCaseInsensitiveMatch = caseInsensitiveMatch;
    }

    /// <summary>The outcome.</summary>
    public ModelLookupStatus Status { get; }

    /// <summary>Whether an active model was found (<see cref="ModelLookupStatus.Found"/>).</summary>
    public bool IsFound => Status == ModelLookupStatus.Found;

    /// <summary>
    /// The model's position in <see cref="CatalogSnapshot{TModel}.Models"/> (also for <see cref="ModelLookupStatus.Inactive"/>),
    /// or -1 when no model was found.
    /// </summary>
    public int Index { get; }

    /// <summary>Why the requested text is not a unified ID (<see cref="ModelLookupStatus.InvalidId"/> only).</summary>
    public UnifiedModelIdError ParseError { get; }

    /// <summary>Where the parse failed, in UTF-16 code units.</summary>
    public int ParseErrorPosition { get; }

    /// <summary>Whether the model was found by the case-insensitive fallback rather than an exact match.</summary>
    public bool IsCaseInsensitiveMatch { get; }

    /// <inheritdoc />
    public override string ToString() => Status == ModelLookupStatus.InvalidId ? $"{Status}: {ParseError.Describe(ParseErrorPosition)}" : $"{Status} at {Index}";
}
