using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Designer.Runtime.Actions;

/// <summary>Registration of the action feature, called from the runtime module's one extension method.</summary>
public static class ActionServices
{
    /// <summary>The header that lets a receiver deduplicate a retried or recovered call.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The named HTTP client of a connection.</summary>
    public static string ClientName(string connection) => "designer-action:" + connection;

    /// <summary>
    /// Registers the options (validated on start), <see cref="ActionRuntime"/> and one named client per configured
    /// connection: no redirects (a redirect could leave the approved host), exponential retries with jitter on transient
    /// failures, but only for idempotent methods or requests that carry an <c>Idempotency-Key</c>.
    /// </summary>
    /// <param name="options">The connections, read from configuration before the container is built.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddActionConnections(IServiceCollection services, ActionOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionOptions>, ActionOptionsValidator>());

        // The factory even without connections: hosts that configure none still build the runtime.
        services.AddHttpClient();
        services.TryAddSingleton(sp => new ActionRuntime(sp.GetRequiredService<IOptions<ActionOptions>>().Value, sp.GetRequiredService<IHttpClientFactory>()));
        foreach (var (name, connection) in options.Connections)
        {
            var http = services.AddHttpClient(ClientName(name), c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            if (connection.Retries > 0)
            {
                http.AddResilienceHandler("action", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = connection.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = connection.RetryDelay,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(Retryable(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                }));
            }

            // Added after the resilience handler, so it runs inside it and sees every attempt.
            http.AddHttpMessageHandler(() => new ActionAttemptCounter());
        }

        return services;
    }

    /// <summary>Whether a failed attempt of this request may be repeated without a second effect at the receiver.</summary>
    /// <param name="request">The request, or null when unknown.</param>
    /// <returns>True for GET, HEAD, OPTIONS, PUT, DELETE and any request with an Idempotency-Key.</returns>
    public static bool Retryable(HttpRequestMessage? request) =>
        request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Headers.Contains(IdempotencyHeader));

    /// <summary>The output port of a response status.</summary>
    /// <returns><c>ok</c> for 2xx, <c>server-error</c> for 5xx, else <c>client-error</c> (redirects are not followed, so 3xx too).
    /// The <c>timeout</c> port is the action's own timeout, not a status.</returns>
    public static string PortFor(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => "ok",
        >= 500 => "server-error",
        _ => "client-error",
    };
}
