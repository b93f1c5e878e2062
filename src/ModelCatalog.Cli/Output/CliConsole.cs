using Spectre.Console;

namespace ModelCatalog.Cli.Output;

/// <summary>Where the tool writes: results to standard output, diagnostics and progress to standard error.</summary>
internal sealed class CliConsole(IAnsiConsole output, TextWriter stderr, bool interactive)
{
    /// <summary>Human output: tables and summaries, laid out for the console's width (<see cref="Terminal"/>).</summary>
    public IAnsiConsole Out { get; } = output;

    /// <summary>The same standard output, unwrapped: <c>--json</c> documents and single lines meant for scripts.</summary>
    public TextWriter Raw => Out.Profile.Out.Writer;

    /// <summary>A terminal is attached: progress lines are shown (never when output is redirected).</summary>
    public bool Interactive { get; } = interactive;

    public void Error(string line) => stderr.WriteLine(line);

    private StatusContext? _status;

    public void Progress(string line)
    {
        if (_status is { } status)
        {
            status.Status(Markup.Escape(line));
        }
        else if (Interactive)
        {
            stderr.WriteLine(line);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a live status line (a spinner and the latest <see cref="Progress"/> text) on
    /// standard error when a terminal is attached; the line disappears when the work ends, so results start clean.
    /// Redirected runs get no live display. The sync engine reports stages, not a fraction done, hence a spinner rather
    /// than a percentage bar.
    /// </summary>
    public async Task<T> WithStatusAsync<T>(string initial, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Interactive || _status is not null)
        {
            Progress(initial);
            return await work().ConfigureAwait(false);
        }

        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return await errors.Status().StartAsync(Markup.Escape(initial), async context =>
        {
            _status = context;
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                _status = null;
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Plain output (redirected, or a test's writer): lines of prose are written whole, for grep and logs; only tables
    /// are laid out for a width. A terminal wraps long lines itself.
    /// </summary>
    public bool Plain => !Out.Profile.Capabilities.Ansi;

    /// <summary>A line of literal text (never markup: model IDs and names may hold brackets).</summary>
    public void Line(string text = "")
    {
        if (Plain)
        {
            Raw.WriteLine(text);
        }
        else
        {
            Out.Write(new Text(text + "\n"));
        }
    }
}
