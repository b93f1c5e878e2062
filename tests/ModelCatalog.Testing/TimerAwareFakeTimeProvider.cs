using Microsoft.Extensions.Time.Testing;

namespace ModelCatalog.Testing;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> that also tells a test when code under test starts waiting on it, so a
/// test moves the clock only once a background loop is really waiting (no real-time polling, no guessing).
/// </summary>
public sealed class TimerAwareFakeTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _timersCreated = new(0);

    /// <summary>Starts the clock at 2026-01-01T00:00:00Z.</summary>
    public TimerAwareFakeTimeProvider()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Takes one created timer not taken before, if there is one (each created timer is handed out once).</summary>
    /// <returns><see langword="true"/> when code under test created a timer since the last one taken.</returns>
    public bool TryTakeTimer() => _timersCreated.Wait(0);
}
