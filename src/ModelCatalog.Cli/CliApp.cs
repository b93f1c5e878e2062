using System.CommandLine;
using System.CommandLine.Help;
using ModelCatalog.Cli.Commands;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Parsing;
using Spectre.Console;

namespace ModelCatalog.Cli;

/// <summary>The command line: parses, reports usage errors with exit code 2, and runs the chosen command.</summary>
internal static class CliApp
{
    /// <summary>The tool's name in help and messages: the command people type, whatever the host process is called.</summary>
    public const string Name = "modelcatalog";

    /// <summary>Runs with standard output written as redirected output is: plain text, no colour, no terminal width.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default)
        => RunAsync(args, Terminal.Create(stdout, redirected: true, noColor: true), stderr, interactive, cancellationToken);

    /// <summary>Runs with human output on <paramref name="stdout"/> (its width and colours decide the layout); <c>--json</c> goes to its writer unwrapped.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default)
    {
        // A plain command named after the tool rather than RootCommand, which takes its name from the host process
        // ("ModelCatalog.Cli" when run as `dotnet ModelCatalog.Cli.dll`).
        var root = new Command(Name, "modelcatalog: sync official AI model catalogs into your own database without losing local configuration.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        var commands = new ICliCommand[] { new SyncCommand(), new ListCommand(), new ShowCommand(), new HistoryCommand(), new SetCommand(), new CostCommand(), new ReviewCommand(), PriceDecisionCommand.Approve(), PriceDecisionCommand.Reject() };
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Command);
        }

        var invocation = new InvocationConfiguration { Output = stdout.Profile.Out.Writer, Error = stderr };
        if (args.Length == 0)
        {
            // A bare call is a usage error, but the answer to it is the help, not one line about a missing command.
            await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var parse = root.Parse(args);
        var console = new CliConsole(stdout, stderr, interactive);
        var chosen = commands.FirstOrDefault(c => c.Command == parse.CommandResult.Command);
        bool wantsHelp = args.Any(a => a is "-h" or "--help" or "-?") || args is ["--version"];
        if (parse.Errors.Count == 0 && wantsHelp)
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        if (parse.Errors.Count > 0 || chosen is null)
        {
            UsageErrors.Write(parse, console);
            return ExitCodes.Usage;
        }

        return await chosen.RunAsync(parse, console, cancellationToken).ConfigureAwait(false);
    }
}
