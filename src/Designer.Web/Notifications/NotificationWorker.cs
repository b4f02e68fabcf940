using Microsoft.Extensions.Options;

namespace Designer.Web.Notifications;

/// <summary>
/// Delivers the notification outbox (issue 16): claims due events with a lease (hosts on one database do not send an
/// event at once), POSTs each signed to its subscriber, deletes it on a 2xx, else schedules the next attempt with
/// exponential backoff, and after the subscriber's <see cref="NotificationSubscriberOptions.MaxAttempts"/> keeps it
/// as a dead letter for admins. At least once: a crash after the POST but before the delete sends it again, with the
/// same event id, once the lease ends.
/// </summary>
internal sealed partial class NotificationWorker(
    INotificationStore store, IHttpClientFactory clients, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    /// <summary>The named HTTP client of a subscriber.</summary>
    public static string ClientName(string subscriber) => "designer-notify:" + subscriber;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be migrating or briefly unavailable; claimed events come back when their lease ends.
                LogPassFailed(logger, ex);
            }

            if (claimed > 0)
            {
                continue;
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims and attempts what is due; returns how many it claimed.</summary>
    internal async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await store.ClaimDueAsync(_owner, settings.Lease, settings.BatchSize, cancellationToken);
        foreach (var notification in due)
        {
            await DeliverAsync(notification, settings, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(NotificationRecord notification, NotificationOptions settings, CancellationToken cancellationToken)
    {
        if (!settings.Subscribers.TryGetValue(notification.Subscriber, out var subscriber))
        {
            await store.MarkFailedAsync(notification.Id, _owner, $"The subscriber '{notification.Subscriber}' is no longer configured.", null, cancellationToken);
            return;
        }

        var error = await SendAsync(notification, subscriber, cancellationToken);
        if (error is null)
        {
            await store.MarkDeliveredAsync(notification.Id, _owner, cancellationToken);
            return;
        }

        var attempts = notification.Attempts + 1;
        DateTimeOffset? retryAt = attempts >= subscriber.MaxAttempts ? null : time.GetUtcNow() + Backoff(subscriber.RetryDelay, attempts);
        await store.MarkFailedAsync(notification.Id, _owner, error, retryAt, cancellationToken);
        if (retryAt is null)
        {
            LogDeadLetter(logger, notification.EventId, notification.Subscriber, attempts, error);
        }
    }

    /// <summary>Why the attempt failed; null when the subscriber answered 2xx. Never mentions the secret.</summary>
    private async Task<string?> SendAsync(NotificationRecord notification, NotificationSubscriberOptions subscriber, CancellationToken cancellationToken)
    {
        var body = NotificationPayload.Body(notification);
        using var request = NotificationPayload.Request(notification, new Uri(subscriber.Url), subscriber.Secret, body, time.GetUtcNow().ToUnixTimeSeconds());
        try
        {
            // The subscriber's client times the attempt out (its resilience pipeline).
            using var response = await clients.CreateClient(ClientName(notification.Subscriber)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return $"No answer within {subscriber.Timeout.TotalSeconds:0.###} s.";
        }
        catch (HttpRequestException ex)
        {
            return "The request failed: " + ex.Message;
        }
    }

    /// <summary>RetryDelay, doubled for every further failed attempt, capped at one hour.</summary>
    internal static TimeSpan Backoff(TimeSpan retryDelay, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(retryDelay.TotalMilliseconds * factor, TimeSpan.FromHours(1).TotalMilliseconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification pass failed; claimed events are retried when their lease ends")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {EventId} to {Subscriber} is a dead letter after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, Guid eventId, string subscriber, int attempts, string error);
}
