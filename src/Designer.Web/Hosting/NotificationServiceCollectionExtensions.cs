using Designer.Web.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

// In the hosting namespace, beside the other AddDesignerXxx calls Program.cs makes.
namespace Designer.Web.Hosting;

/// <summary>Registers outbound notifications of run events (issue 16).</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="NotificationOptions"/> (<c>Designer:Notifications</c>, validated on start), routes run events
    /// to the subscribers (so the run store writes their outbox rows with the status change), registers one named
    /// client per subscriber (no redirects, a per-attempt timeout; retries are the outbox's, durable across restarts)
    /// and the delivery worker.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton<IRunNotificationRouter, NotificationRouter>();
        services.AddHttpClient();
        var configured = builder.Configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();
        foreach (var (name, subscriber) in configured.Subscribers)
        {
            services.AddHttpClient(NotificationWorker.ClientName(name), c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
                .AddResilienceHandler("notify", pipeline => pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = Clamp(subscriber.Timeout) }));
        }

        services.AddHostedService<NotificationWorker>();
        return builder;
    }

    // The validator refuses bad timeouts on start; the clamp only keeps registration from throwing before it does.
    private static TimeSpan Clamp(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(1) ? TimeSpan.FromSeconds(10) : timeout;
}
