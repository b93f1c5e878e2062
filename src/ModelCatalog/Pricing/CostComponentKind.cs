namespace ModelCatalog;

/// <summary>One part of a request's cost.</summary>
public enum CostComponentKind
{
    /// <summary>Input tokens that are neither cache reads, cache writes nor audio (<c>input</c>).</summary>
    Input,

    /// <summary>Input tokens read from the cache (<c>cache_read</c>).</summary>
    CacheRead,

    /// <summary>Input tokens written to the cache for 5 minutes (<c>cache_write</c>).</summary>
    CacheWrite,

    /// <summary>Input tokens written to the cache for 1 hour (<c>cache_write_1h</c>).</summary>
    CacheWrite1Hour,

    /// <summary>Audio input tokens (<c>audio_input</c>).</summary>
    AudioInput,

    /// <summary>Output tokens that are neither reasoning nor audio (<c>output</c>).</summary>
    Output,

    /// <summary>Reasoning tokens (<c>reasoning</c>).</summary>
    Reasoning,

    /// <summary>Audio output tokens (<c>audio_output</c>).</summary>
    AudioOutput,

    /// <summary>The per-request price (<c>request</c>).</summary>
    Request,

    /// <summary>The per-image price (<c>image</c>).</summary>
    Image,
}
