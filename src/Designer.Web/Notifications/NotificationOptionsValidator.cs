using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Designer.Web.Notifications;

/// <summary>Checks <see cref="NotificationOptions"/> on start, listing every problem (never the secret itself).</summary>
internal sealed partial class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(NotificationOptions options)
    {
        var section = NotificationOptions.SectionName;
        var problems = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{section}:PollInterval must be positive.");
        }

        if (options.Lease < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{section}:Lease must be at least 1 second.");
        }

        if (options.BatchSize is < 1 or > 500)
        {
            problems.Add($"{section}:BatchSize must be between 1 and 500.");
        }

        foreach (var (subscriber, settings) in options.Subscribers)
        {
            var prefix = $"{section}:Subscribers:{subscriber}";
            if (!NamePattern().IsMatch(subscriber))
            {
                problems.Add($"{prefix}: the name must be 1-64 letters, digits, '-' or '_'.");
            }

            if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{prefix}:Url must be an absolute http or https URL.");
            }
            else if (uri.UserInfo.Length > 0)
            {
                problems.Add($"{prefix}:Url must not carry user info.");
            }

            if ((settings.Secret?.Length ?? 0) < MinSecretLength)
            {
                problems.Add($"{prefix}:Secret must be at least {MinSecretLength} characters.");
            }

            foreach (var type in settings.Events.Where(e => !Persistence.NotificationEventTypes.All.Contains(e, StringComparer.Ordinal)))
            {
                problems.Add($"{prefix}:Events: '{type}' is not one of {string.Join(", ", Persistence.NotificationEventTypes.All)}.");
            }

            if (settings.MaxAttempts is < 1 or > 50)
            {
                problems.Add($"{prefix}:MaxAttempts must be between 1 and 50.");
            }

            if (settings.RetryDelay <= TimeSpan.Zero || settings.RetryDelay > TimeSpan.FromHours(1))
            {
                problems.Add($"{prefix}:RetryDelay must be between 1 ms and 1 hour.");
            }

            if (settings.Timeout <= TimeSpan.Zero || settings.Timeout > TimeSpan.FromMinutes(1))
            {
                problems.Add($"{prefix}:Timeout must be between 1 ms and 1 minute.");
            }
            else if (settings.Timeout >= options.Lease)
            {
                problems.Add($"{prefix}:Timeout must be shorter than {section}:Lease, or another host could send the event while this one still waits.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
