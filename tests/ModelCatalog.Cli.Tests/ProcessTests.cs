using System.Diagnostics;
using ModelCatalog.Cli.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>The tool as a real process: exit codes reach the shell, and redirected output is plain text.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    // The tool's own output folder, not this test's: the test project also references ASP.NET Core (for its Kestrel
    // servers), so its folder leaves out assemblies the tool, a plain console app, must find beside itself.
    private static string ToolPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string path = Path.Combine(CliRun.Repository, "src", "ModelCatalog.Cli", "bin", here.Parent!.Name, here.Name, "ModelCatalog.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the tool first.", path);
    }

    private async Task<(int Exit, string Out, string Error)> RunProcessAsync(params string[] args)
    {
        // The same dotnet host that runs the tests, when the test platform says which one it is.
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a bound so a hung tool fails the test, not CI
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_tool_process_syncs_the_sample_and_exits_0_with_plain_text()
    {
        var (exit, output, error) = await RunProcessAsync("sync", CliRun.Sample("catalog.v1.json"), "--db", _cli.Database);

        Assert.True(exit == 0, error);
        Assert.Contains("5 created", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading", error, StringComparison.Ordinal); // no progress lines when redirected
    }

    [Fact]
    public async Task The_tool_process_help_calls_it_modelcatalog_not_its_assembly_name()
    {
        var (exit, output, _) = await RunProcessAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("modelcatalog [command] [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ModelCatalog.Cli", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_process_exits_2_on_a_usage_error()
    {
        var (exit, _, error) = await RunProcessAsync("sync", "--force", "--skip-existing", CliRun.Sample("catalog.v1.json"), "--db", _cli.Database);

        Assert.Equal(2, exit);
        Assert.Contains("mutually exclusive", error, StringComparison.Ordinal);
    }
}
