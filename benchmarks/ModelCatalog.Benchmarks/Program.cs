using BenchmarkDotNet.Running;

// Run one class: dotnet run -c Release --project benchmarks/ModelCatalog.Benchmarks -- --filter '*Parse*'
// Prove they all still run (CI): ... -- --filter '*' --job dry
BenchmarkSwitcher.FromAssembly(typeof(ModelCatalog.Benchmarks.Gateway.GatewayThroughputBenchmarks).Assembly).Run(args);
