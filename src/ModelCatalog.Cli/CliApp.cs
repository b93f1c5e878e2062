using System.CommandLine;
using ModelCatalog.Cli.Commands;
using ModelCatalog.Cli.Output;

namespace ModelCatalog.Cli;

/// <summary>The command line: parses, reports usage errors with exit code 2, and runs the chosen command.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("modelcatalog: sync official AI model catalogs into your own database without losing local configuration.");
        var commands = new ICliCommand[] { new SyncCommand(), new ListCommand(), new ShowCommand(), new HistoryCommand(), new SetCommand(), new CostCommand(), new ReviewCommand(), PriceDecisionCommand.Approve(), PriceDecisionCommand.Reject() };
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Command);
        }

        var parse = root.Parse(args);
        var console = new CliConsole(stdout, stderr, interactive);
        var chosen = commands.FirstOrDefault(c => c.Command == parse.CommandResult.Command);
        bool wantsHelp = args.Any(a => a is "-h" or "--help" or "-?") || args.Length == 0 || args is ["--version"];
        if (parse.Errors.Count > 0 || chosen is null || wantsHelp)
        {
            if (wantsHelp && parse.Errors.Count == 0)
            {
                return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var error in parse.Errors)
            {
                console.Error($"error: {error.Message}");
            }

            if (chosen is null && parse.Errors.Count == 0)
            {
                console.Error("error: name a command: sync, list, show, history, set, cost, review, approve or reject (see --help).");
            }

            return ExitCodes.Usage;
        }

        return await chosen.RunAsync(parse, console, cancellationToken).ConfigureAwait(false);
    }
}
