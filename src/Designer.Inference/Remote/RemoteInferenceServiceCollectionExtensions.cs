using System.Net;
using Designer.Inference.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Designer.Inference.Remote;

/// <summary>Registers <see cref="RemoteInferenceClient"/> as the <see cref="IInferenceClient"/>.</summary>
public static class RemoteInferenceServiceCollectionExtensions
{
    /// <summary>
    /// A typed <see cref="HttpClient"/> to the host at <paramref name="endpoint"/> with the standard resilience
    /// pipeline: a total timeout, a per-attempt timeout, a circuit breaker and a retry that repeats only safe calls
    /// — GETs on transient failures (5xx, 408, 429, connection errors, attempt timeouts), and <c>predict</c> only
    /// when the host refused it with 503 (queue full, honouring <c>Retry-After</c>) or it never reached the host.
    /// </summary>
    /// <param name="endpoint">Base URL of the inference host.</param>
    /// <param name="requestTimeout">The host's per-request inference timeout; the attempt timeout adds a margin to it.</param>
    /// <returns>The HTTP client builder (tests replace its primary handler).</returns>
    public static IHttpClientBuilder AddRemoteInferenceClient(this IServiceCollection services, Uri endpoint, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoint);
        var attempt = (requestTimeout ?? TimeSpan.FromSeconds(2)) + TimeSpan.FromSeconds(3);
        var builder = services.AddHttpClient<IInferenceClient, RemoteInferenceClient>(client =>
            client.BaseAddress = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"));
        builder.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = attempt;
            options.TotalRequestTimeout.Timeout = attempt * 4;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, attempt.TotalSeconds * 2));
            options.Retry.MaxRetryAttempts = 3;
            options.Retry.Delay = TimeSpan.FromMilliseconds(100);
            options.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome));
        });
        return builder;
    }

    /// <summary>Whether a failed attempt may be repeated (see <see cref="AddRemoteInferenceClient"/>).</summary>
    internal static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (request is null)
        {
            return false;
        }

        if (request.Method == HttpMethod.Get)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        var isPredict = request.Method == HttpMethod.Post
            && request.RequestUri?.AbsolutePath.EndsWith("/predict", StringComparison.Ordinal) == true;
        return isPredict && (outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable
            || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError });
    }
}
