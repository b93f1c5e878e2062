namespace ModelCatalog.Cli.Output;

/// <summary>Where the tool writes: results to standard output, diagnostics and progress to standard error.</summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr, bool interactive)
{
    public TextWriter Out { get; } = stdout;

    /// <summary>A terminal is attached: progress lines are shown (never when output is redirected).</summary>
    public bool Interactive { get; } = interactive;

    public void Error(string line) => stderr.WriteLine(line);

    public void Progress(string line)
    {
        if (Interactive)
        {
            stderr.WriteLine(line);
        }
    }
}
