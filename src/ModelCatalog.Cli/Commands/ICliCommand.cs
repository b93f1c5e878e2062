using System.CommandLine;
using ModelCatalog.Cli.Output;

namespace ModelCatalog.Cli.Commands;

/// <summary>One subcommand: its syntax and what it does.</summary>
internal interface ICliCommand
{
    Command Command { get; }

    Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken);
}
