using System.Security.Cryptography;
using System.Text.Json;
using ModelCatalog.Cli;

namespace ModelCatalog.Cli.Tests.Support;

/// <summary>Runs the real command line (the same parser and handlers as the tool) against a temporary SQLite file.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-cli-" + Guid.NewGuid().ToString("N"));

    public CliRun() => Directory.CreateDirectory(_folder);

    public string Database => Path.Combine(_folder, "catalog.db");

    public string Folder => _folder;

    public static string Repository { get; } = FindRepository();

    public static string Sample(string name) => Path.Combine(Repository, "samples", name);

    public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await CliApp.RunAsync([.. args, "--db", Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with human output on <paramref name="console"/> (a Spectre test console of a chosen width, or a terminal the tool made).</summary>
    public async Task<(int Exit, string Error)> RunOnAsync(Spectre.Console.IAnsiConsole console, params string[] args)
    {
        using var stderr = new StringWriter();
        int exit = await CliApp.RunAsync([.. args, "--db", Database], console, stderr);
        return (exit, stderr.ToString());
    }

    public async Task<(int Exit, string Out, string Error)> RunWithoutDbAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(exit is 0 or 3, $"exit {exit}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public string DatabaseHash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Database)));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelCatalog.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ModelCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
