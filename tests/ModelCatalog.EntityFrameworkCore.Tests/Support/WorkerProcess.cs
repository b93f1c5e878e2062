using System.Collections.Concurrent;
using System.Diagnostics;

namespace ModelCatalog.EntityFrameworkCore.Tests.Support;

/// <summary>The sync worker (tests/ModelCatalog.EntityFrameworkCore.SyncWorker) as a separate process.</summary>
public sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    private WorkerProcess(Process process) => _process = process;

    public string Output => string.Join(Environment.NewLine, _output);

    public static WorkerProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WorkerPath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async Task WaitForLineAsync(string line)
    {
        var waiter = _waiters.GetOrAdd(line, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_output.Contains(line))
        {
            waiter.TrySetResult();
        }

        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(waiter.Task, exited, Task.Delay(Patience));
        Assert.True(done == waiter.Task, $"the worker did not print {line}:{Environment.NewLine}{Output}");
    }

    /// <summary>Writes one line to the worker's standard input (the edit mode reads its commands there).</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (_waiters.TryGetValue(line, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private static string WorkerPath()
    {
        // tests/ModelCatalog.EntityFrameworkCore.Tests/bin/<configuration>/<tfm>/ → the worker's own output folder.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name;
        string configuration = here.Parent!.Name;
        string tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(tests, "ModelCatalog.EntityFrameworkCore.SyncWorker", "bin", configuration, tfm, "ModelCatalog.EntityFrameworkCore.SyncWorker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the sync worker first.", path);
    }
}
