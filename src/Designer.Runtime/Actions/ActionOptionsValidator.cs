using System.Text.RegularExpressions;
using Designer.Workflows.Catalogue.Configs;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Actions;

/// <summary>Rejects unusable or unsafe <see cref="ActionOptions"/> at start, listing every problem.</summary>
internal sealed partial class ActionOptionsValidator : IValidateOptions<ActionOptions>
{
    public ValidateOptionsResult Validate(string? name, ActionOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(ActionOptions options)
    {
        var problems = new List<string>();
        foreach (var (connection, settings) in options.Connections)
        {
            var prefix = $"{ActionOptions.SectionName}:Connections:{connection}";
            if (!NamePattern().IsMatch(connection))
            {
                problems.Add($"{prefix}: the name must be 1-64 letters, digits, '-' or '_'.");
            }

            if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{prefix}:BaseUrl must be an absolute http or https URL.");
            }
            else if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                problems.Add($"{prefix}:BaseUrl must not carry user info, a query or a fragment (put secrets in AuthValue or BearerSecret).");
            }

            if (!string.IsNullOrEmpty(settings.AuthHeader) == string.IsNullOrEmpty(settings.AuthValue))
            {
                problems.Add($"{prefix}: AuthHeader and AuthValue go together.");
            }

            if (!string.IsNullOrEmpty(settings.AuthHeader) && !string.IsNullOrEmpty(settings.BearerSecret))
            {
                problems.Add($"{prefix}: set AuthHeader/AuthValue or BearerSecret, not both.");
            }

            foreach (var method in settings.AllowedMethods.Where(m => !ActionConfig.Methods.Contains(m, StringComparer.Ordinal)))
            {
                problems.Add($"{prefix}:AllowedMethods: '{method}' is not one of {string.Join(", ", ActionConfig.Methods)}.");
            }

            if (settings.Timeout <= TimeSpan.Zero || settings.Timeout > TimeSpan.FromMinutes(5))
            {
                problems.Add($"{prefix}:Timeout must be between 1 ms and 5 minutes.");
            }

            if (settings.Retries is < 0 or > 10)
            {
                problems.Add($"{prefix}:Retries must be between 0 and 10.");
            }

            if (settings.RetryDelay <= TimeSpan.Zero || settings.RetryDelay > TimeSpan.FromMinutes(1))
            {
                problems.Add($"{prefix}:RetryDelay must be between 1 ms and 1 minute.");
            }

            if (settings.MaxResponseBytes is < 1 or > 16 * 1024 * 1024)
            {
                problems.Add($"{prefix}:MaxResponseBytes must be between 1 and 16777216.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
