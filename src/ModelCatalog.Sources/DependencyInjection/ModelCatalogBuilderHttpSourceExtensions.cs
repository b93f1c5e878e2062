using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using ModelCatalog;
using ModelCatalog.Sources;
using ModelCatalog.Sync;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds HTTP catalog sources to a catalog: <c>AddModelCatalog().AddHttpSource(o =&gt; o.Uri = ...)</c>. Each source gets
/// its own named <see cref="HttpClient"/> from <c>IHttpClientFactory</c> with a resilience pipeline (total timeout,
/// retries with exponential backoff and jitter on transient failures, a circuit breaker, a per-attempt timeout) and a
/// health check named <c>modelcatalog-source-{name}</c> (tag <c>modelcatalog</c>). The hosted service syncs it on
/// start-up and on the catalog's schedule.
/// </summary>
public static class ModelCatalogBuilderHttpSourceExtensions
{
    /// <summary>The tag of every source health check.</summary>
    public const string HealthCheckTag = "modelcatalog";

    /// <summary>Adds an HTTP source of the built-in <see cref="CatalogModel"/>.</summary>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Sets the URL and, optionally, format, name, limits and authorization.</param>
    /// <returns>The builder.</returns>
    public static ModelCatalogBuilder<CatalogModel> AddHttpSource(this ModelCatalogBuilder<CatalogModel> builder, Action<HttpCatalogSourceOptions> configure)
        => builder.AddHttpSource(configure, CatalogMapping.Default);

    /// <summary>Adds an HTTP source of the host's model type.</summary>
    /// <typeparam name="TModel">The host's model type.</typeparam>
    /// <param name="builder">The catalog builder.</param>
    /// <param name="configure">Sets the URL and, optionally, format, name, limits and authorization.</param>
    /// <param name="mapping">Makes the host's model of each entry (<see cref="CatalogMapping.For{TModel}"/> or <see cref="CatalogMapping.Project{TModel}"/>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public static ModelCatalogBuilder<TModel> AddHttpSource<TModel>(this ModelCatalogBuilder<TModel> builder, Action<HttpCatalogSourceOptions> configure, CatalogMapping<TModel> mapping)
        where TModel : class, ICatalogModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(mapping);
        var options = new HttpCatalogSourceOptions();
        configure(options);
        options.Validate();
        string name = options.SourceName;
        string clientName = "ModelCatalog.Sources." + name;

        builder.Services.AddHttpClient(clientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(static _ => true)
            .AddResilienceHandler(clientName, pipeline => Configure(pipeline, options));
        // Inside the pipeline: body failures are attempts the pipeline times out and retries.
        builder.Services.AddHttpClient(clientName).AddHttpMessageHandler(() => new BufferingHandler(options.MaxResponseBytes));

        builder.AddSource(sp => new HttpCatalogSource<TModel>(
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
            options,
            mapping,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("ModelCatalog.Sources.Http")));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "modelcatalog-source-" + name,
            sp => new ModelSourceHealthCheck(FindSource<TModel>(sp, name), options.DegradedAfter, sp.GetService<TimeProvider>()),
            HealthStatus.Unhealthy,
            [HealthCheckTag]));
        return builder;
    }

    private static IModelSourceStatus FindSource<TModel>(IServiceProvider services, string name)
        where TModel : class
        => services.GetServices<IModelSource<TModel>>().OfType<IModelSourceStatus>().First(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    // Outer to inner: total timeout, retry, circuit breaker, attempt timeout (the order the standard handler uses).
    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HttpCatalogSourceOptions options)
    {
        // Network timeouts and backoffs bound real sockets, so they run on real time; the catalog's TimeProvider
        // schedules the syncs themselves.
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // Five failed fetches in a row within ten minutes: stop asking for a minute.
            FailureRatio = 1.0,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromMinutes(10) > 2 * options.AttemptTimeout ? TimeSpan.FromMinutes(10) : 2 * options.AttemptTimeout,
            BreakDuration = TimeSpan.FromMinutes(1),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    // The standard transient set (5xx, 408, 429, network errors, attempt timeouts) plus a body cut short.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: CatalogFetchException } => false,
        { Exception: IOException } => true,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };
}
