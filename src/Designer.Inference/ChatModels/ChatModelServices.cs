using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Designer.Inference.ChatModels;

/// <summary>Registration of the chat-model feature, called from the module's one extension method.</summary>
public static class ChatModelServices
{
    /// <summary>Binds <see cref="ChatModelOptions"/> and registers the registry, the resilient HTTP client and the gateway.</summary>
    /// <param name="configuration">Configuration holding <c>Designer:ChatModels</c>.</param>
    /// <param name="registryRoot">Folder of the chat-model registry; null keeps an earlier registration.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddChatModels(IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string>? registryRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ChatModelOptions();
        configuration.GetSection(ChatModelOptions.SectionName).Bind(options);
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(ChatModelOptions.SectionName, typeof(ChatModelOptions), problems);
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        if (registryRoot is not null)
        {
            services.TryAddSingleton<IChatModelRegistry>(sp => new FileChatModelRegistry(registryRoot(sp), sp.GetRequiredService<TimeProvider>(), options));
        }

        var http = services.AddHttpClient(SemanticKernelChatGateway.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        http.AddResilienceHandler("chat-model", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                    MaxDelay = TimeSpan.FromMilliseconds(options.MaxRetryDelayMs),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromMilliseconds(options.AttemptTimeoutMs));
            });

        // Added after the resilience handler, so it runs inside it: every attempt is size-checked, none retried for size.
        http.AddHttpMessageHandler(() => new ResponseSizeLimitHandler(options.MaxResponseBytes));
        http.AddHttpMessageHandler(() => new StreamedReplyGuardHandler());
        services.TryAddSingleton<IChatModelGateway>(sp => new SemanticKernelChatGateway(sp.GetRequiredService<IHttpClientFactory>(), options));
        return services;
    }

    /// <summary>Every problem with the admin settings.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public static IReadOnlyList<string> Validate(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var endpoint in options.AllowedEndpoints)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{ChatModelOptions.SectionName}:AllowedEndpoints: '{endpoint}' is not an absolute http(s) URL.");
            }
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add($"{ChatModelOptions.SectionName}:MaxRetries must be 0..10.");
        }

        if (options.RetryBaseDelayMs <= 0 || options.MaxRetryDelayMs < options.RetryBaseDelayMs || options.AttemptTimeoutMs <= 0)
        {
            problems.Add($"{ChatModelOptions.SectionName}: RetryBaseDelayMs and AttemptTimeoutMs must be positive and MaxRetryDelayMs at least RetryBaseDelayMs.");
        }

        if (options.MaxResponseBytes is < 1024 or > 64 * 1024 * 1024 || options.CacheEntries < 0)
        {
            problems.Add($"{ChatModelOptions.SectionName}: MaxResponseBytes must be 1 KiB..64 MiB and CacheEntries not negative.");
        }

        return problems;
    }
}
