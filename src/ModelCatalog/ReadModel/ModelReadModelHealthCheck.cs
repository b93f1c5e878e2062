using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ModelCatalog.ReadModel;

/// <summary>
/// Reports the read model's currency: Healthy while the snapshot was confirmed current within
/// <see cref="ModelReadModelOptions.MaxSnapshotAge"/>; Degraded when it is older or the last refresh failed (the
/// snapshot is still served); Unhealthy before the first load or past twice the age. Data: <c>age_seconds</c>,
/// <c>generation</c>, <c>refreshes</c>, <c>failures</c>, <c>last_error</c>.
/// Added by <c>services.AddHealthChecks().AddModelCatalogReadModelCheck&lt;TModel&gt;()</c>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class ModelReadModelHealthCheck<TModel> : IHealthCheck
    where TModel : class, ICatalogModel<TModel>
{
    private readonly IModelReadModel<TModel> _readModel;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;

    /// <summary>Creates the check.</summary>
    /// <param name="readModel">The read model.</param>
    /// <param name="options">Gives <see cref="ModelReadModelOptions.MaxSnapshotAge"/>.</param>
    /// <param name="timeProvider">The clock.</param>
    public ModelReadModelHealthCheck(IModelReadModel<TModel> readModel, IOptions<ModelReadModelOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _readModel = readModel;
        _maxAge = options.Value.MaxSnapshotAge;
        _time = timeProvider;
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _readModel.Status;
        var data = new Dictionary<string, object>
        {
            ["generation"] = status.Generation,
            ["refreshes"] = status.Refreshes,
            ["failures"] = status.Failures,
        };
        if (status.LastError is { } error)
        {
            data["last_error"] = error.Message;
        }

        if (status.AgeAt(_time.GetUtcNow()) is not { } age)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The model catalog read model has not loaded the catalog yet.", status.LastError, data));
        }

        data["age_seconds"] = age.TotalSeconds;
        var stale = string.Create(CultureInfo.InvariantCulture, $"The model catalog snapshot was last confirmed current {age.TotalSeconds:0.#} s ago (limit {_maxAge.TotalSeconds:0.#} s).");
        var result = age > 2 * _maxAge
            ? HealthCheckResult.Unhealthy(stale, status.LastError, data)
            : age > _maxAge
                ? HealthCheckResult.Degraded(stale, status.LastError, data)
                : status.LastError is not null
                    ? HealthCheckResult.Degraded("The last model catalog read model refresh failed; the previous snapshot is served.", status.LastError, data)
                    : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"The model catalog snapshot (generation {status.Generation}) is current."), data);
        return Task.FromResult(result);
    }
}
