namespace ModelCatalog.Cli.Output;

/// <summary>How much a sync prints: one line, the changes, or every model.</summary>
internal enum Verbosity
{
    /// <summary>One summary line (<c>--quiet</c>).</summary>
    Quiet,

    /// <summary>The summary, the changed models, rejections and aliases, and the summary again.</summary>
    Normal,

    /// <summary>As <see cref="Normal"/>, plus unchanged and skipped models and kept local values (<c>--verbose</c>).</summary>
    Verbose,
}
