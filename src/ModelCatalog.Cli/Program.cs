using ModelCatalog.Cli;

// Exit codes: 0 applied, 3 applied with rejected entries, 2 usage error, 1 failure with nothing written.
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
