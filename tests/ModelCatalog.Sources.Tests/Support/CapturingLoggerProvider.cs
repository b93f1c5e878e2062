using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ModelCatalog.Sources.Tests.Support;

/// <summary>Keeps every log line (message, scopes and exception) of every category at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes?.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            string structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} [{structured}] {string.Join(" | ", scopes)} {exception}");
        }
    }
}
