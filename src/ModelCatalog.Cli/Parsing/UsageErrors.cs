using System.CommandLine;
using System.CommandLine.Parsing;
using ModelCatalog.Cli.Output;

namespace ModelCatalog.Cli.Parsing;

/// <summary>Writes the parser's errors, each unrecognised word with the nearest command or option it may have meant.</summary>
internal static class UsageErrors
{
    public static void Write(ParseResult parse, CliConsole console)
    {
        var command = parse.CommandResult.Command;
        var candidates = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .ToList();
        bool unmatched = parse.UnmatchedTokens.Count > 0;
        foreach (var error in parse.Errors)
        {
            // "Required command was not provided" next to an unrecognised word only repeats it.
            if (unmatched && error.SymbolResult is CommandResult { Command.Subcommands.Count: > 0 } && error.Message.StartsWith("Required command", StringComparison.Ordinal))
            {
                continue;
            }

            string? token = parse.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            string hint = token is not null && Typos.Nearest(token, candidates) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
            console.Error($"error: {error.Message}{hint}");
        }

        if (parse.Errors.Count == 0)
        {
            console.Error($"error: name a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (see --help).");
        }
    }
}
