using ModelCatalog.Gateway.Sample;

// dotnet run --project samples/ModelCatalog.Gateway.Sample   (settings in appsettings.json; see the README's "Sample gateway")
await SampleGateway.Build(args).RunAsync().ConfigureAwait(false);
