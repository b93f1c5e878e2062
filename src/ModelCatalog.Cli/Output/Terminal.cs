using Spectre.Console;

namespace ModelCatalog.Cli.Output;

/// <summary>
/// Makes the console the tool's human output is written to: fitted to the terminal's width, coloured only when a
/// terminal is attached and <c>NO_COLOR</c> is not set, and plain text (no ANSI codes at all) when redirected.
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// The width redirected output is laid out for: <c>COLUMNS</c> when set, else wide enough that a table row stays
    /// one line for <c>grep</c>, and still bounded (every cell a table prints is shortened or wrapped to it).
    /// </summary>
    public const int RedirectedWidth = 200;

    /// <summary>https://no-color.org: any non-empty value turns colour off.</summary>
    public static bool NoColorRequested() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <param name="writer">Standard output.</param>
    /// <param name="redirected">Output goes to a file or pipe: plain text, no ANSI codes at all.</param>
    /// <param name="noColor">NO_COLOR is set: a terminal still gets its layout, but no colour.</param>
    /// <param name="colors">The colours a terminal supports (detected by default).</param>
    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor, ColorSystemSupport colors = ColorSystemSupport.Detect)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Yes,
            ColorSystem = redirected || noColor ? ColorSystemSupport.NoColors : colors,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        if (redirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0 ? columns : RedirectedWidth;
        }

        return console;
    }
}
