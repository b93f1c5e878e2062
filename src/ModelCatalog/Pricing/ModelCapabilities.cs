namespace ModelCatalog;

/// <summary>
/// What a model accepts, produces and supports, as its source states it. <see langword="null"/> means the source does
/// not say (unknown is not "no"). Value-equal, lists compared element by element, so an unchanged record is no change.
/// </summary>
public sealed record ModelCapabilities
{
    /// <summary>Input modalities in the source's order, lower case (<c>text</c>, <c>image</c>, <c>audio</c>, <c>video</c>, <c>pdf</c>, <c>file</c>).</summary>
    public IReadOnlyList<string>? InputModalities { get; init; }

    /// <summary>Output modalities in the source's order, lower case.</summary>
    public IReadOnlyList<string>? OutputModalities { get; init; }

    /// <summary>Whether the model calls tools (functions).</summary>
    public bool? ToolCalls { get; init; }

    /// <summary>Whether the model accepts images.</summary>
    public bool? Vision { get; init; }

    /// <summary>Whether the model reasons (thinking tokens).</summary>
    public bool? Reasoning { get; init; }

    /// <summary>Whether the model can be held to a JSON schema (structured output).</summary>
    public bool? StructuredOutput { get; init; }

    /// <summary>Whether the model supports prompt caching.</summary>
    public bool? PromptCaching { get; init; }

    /// <summary>Whether the model accepts file attachments (models.dev <c>attachment</c>, LiteLLM <c>supports_pdf_input</c>).</summary>
    public bool? Attachments { get; init; }

    /// <inheritdoc/>
    public bool Equals(ModelCapabilities? other)
        => other is not null
            && ValueLists.Equal(InputModalities, other.InputModalities)
            && ValueLists.Equal(OutputModalities, other.OutputModalities)
            && (ToolCalls, Vision, Reasoning, StructuredOutput, PromptCaching, Attachments)
                == (other.ToolCalls, other.Vision, other.Reasoning, other.StructuredOutput, other.PromptCaching, other.Attachments);

    /// <inheritdoc/>
    public override int GetHashCode()
        => HashCode.Combine(ValueLists.Hash(InputModalities), ValueLists.Hash(OutputModalities), ToolCalls, Vision, Reasoning, StructuredOutput, PromptCaching, Attachments);
}
