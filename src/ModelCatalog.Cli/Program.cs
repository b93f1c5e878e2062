using ModelCatalog.Cli;
using ModelCatalog.Cli.Output;

// Exit codes: 0 applied, 3 applied with rejected entries, 2 usage error, 1 failure with nothing written.
var stdout = Terminal.Create(Console.Out, redirected: Console.IsOutputRedirected, noColor: Terminal.NoColorRequested());
return await CliApp.RunAsync(args, stdout, Console.Error, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
