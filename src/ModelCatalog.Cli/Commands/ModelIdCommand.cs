using System.CommandLine;
using ModelCatalog.Cli.Output;

namespace ModelCatalog.Cli.Commands;

/// <summary>A command about one model: <c>&lt;id&gt;</c> plus the shared store options (show, history, set).</summary>
internal abstract class ModelIdCommand : ICliCommand
{
    protected ModelIdCommand(string name, string description)
    {
        Command = new Command(name, description);
        Command.Arguments.Add(Id);
        Store.AddTo(Command);
    }

    public Command Command { get; }

    protected StoreOptions Store { get; } = new();

    protected Argument<UnifiedModelId> Id { get; } = IdArgument.Create();

    public abstract Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken);
}
