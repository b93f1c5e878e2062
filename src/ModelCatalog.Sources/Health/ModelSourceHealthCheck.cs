using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModelCatalog.Sources;

/// <summary>
/// One source's health: <c>Unhealthy</c> until a first sync succeeded, <c>Degraded</c> when the last success is older
/// than the configured age, <c>Healthy</c> otherwise. The data always carries the last success, its age and the last error.
/// </summary>
/// <param name="source">The source.</param>
/// <param name="degradedAfter">The age of the last success past which the source is degraded.</param>
/// <param name="timeProvider">The clock that measures the age.</param>
public sealed class ModelSourceHealthCheck(IModelSourceStatus source, TimeSpan degradedAfter, TimeProvider? timeProvider = null) : IHealthCheck
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var status = source.Status;
        var data = new Dictionary<string, object>
        {
            ["source"] = source.Name,
            ["consecutive_failures"] = status.ConsecutiveFailures,
        };
        if (status.LastError is { } error)
        {
            data["last_error"] = error;
        }

        if (status.LastSuccessAt is not { } success)
        {
            string why = status.LastError is { } e ? $"the first sync of '{source.Name}' has not succeeded: {e}" : $"'{source.Name}' has not been synced yet";
            return Task.FromResult(new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, why, data: data));
        }

        var age = _time.GetUtcNow() - success;
        data["last_success"] = success.ToString("O", CultureInfo.InvariantCulture);
        data["age_seconds"] = Math.Round(age.TotalSeconds);
        if (status.LastVersion is { } version)
        {
            data["version"] = version;
        }

        string failures = status.LastError is { } last ? $"; the last attempt failed: {last}" : string.Empty;
        return Task.FromResult(age > degradedAfter
            ? HealthCheckResult.Degraded($"'{source.Name}' last synced {age} ago, more than {degradedAfter}{failures}", data: data)
            : HealthCheckResult.Healthy($"'{source.Name}' synced {age} ago{failures}", data));
    }
}
