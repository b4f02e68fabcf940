using System.Text.RegularExpressions;
using Designer.Inference.Registry;

namespace Designer.Inference.ChatModels;

/// <summary>The registration rules, shared by the registry and the gateway's call-time re-check.</summary>
public static partial class ChatModelRules
{
    /// <summary>Every problem with <paramref name="registration"/>; empty when it may be stored.</summary>
    /// <param name="options">Admin settings (allowed endpoints).</param>
    public static IReadOnlyList<string> Check(ChatModelRegistration registration, ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!IdPattern().IsMatch(registration.Id ?? string.Empty))
        {
            problems.Add("id: lowercase letters, digits and dashes, at most 64.");
        }

        if (!ChatProviderKinds.All.Contains(registration.Provider, StringComparer.Ordinal))
        {
            problems.Add($"provider: must be one of {string.Join(", ", ChatProviderKinds.All)}.");
        }

        if (!IsAllowedEndpoint(registration.Endpoint, options))
        {
            problems.Add("endpoint: not one of the endpoints an administrator allowed (Designer:ChatModels:AllowedEndpoints).");
        }

        if (string.IsNullOrWhiteSpace(registration.ModelName) || registration.ModelName.Length > 200)
        {
            problems.Add("modelName: required, at most 200 characters.");
        }

        if (registration.Temperature is { } t && (double.IsNaN(t) || t is < 0 or > 2))
        {
            problems.Add("temperature: between 0 and 2.");
        }

        if (registration.MaxOutputTokens is <= 0)
        {
            problems.Add("maxOutputTokens: greater than 0.");
        }

        if (registration.InputPricePer1K < 0 || registration.OutputPricePer1K < 0)
        {
            problems.Add("prices: must not be negative.");
        }

        if (registration.ContextWindow <= 0)
        {
            problems.Add("contextWindow: greater than 0.");
        }

        if (registration.ApiKeySecret is { } secret && (!SecretNamePattern().IsMatch(secret) || LooksLikeKey(secret)))
        {
            problems.Add("apiKeySecret: the NAME of a secret under Designer:ChatModels:Secrets (letters, digits, '-', '_'), never the key itself.");
        }

        if (LooksLikeKey(registration.Description) || LooksLikeKey(registration.ModelName))
        {
            problems.Add("a field contains what looks like an API key; keys belong in configuration only.");
        }

        return problems;
    }

    /// <summary>
    /// Throws <see cref="ChatModelGovernanceException"/> listing every problem with <paramref name="registration"/>:
    /// the rules of <see cref="Check"/> and who registers it (the check every registry makes before it stores).
    /// </summary>
    /// <param name="options">Admin settings (allowed endpoints).</param>
    internal static void ThrowIfInvalid(ChatModelRegistration registration, ChatModelOptions options)
    {
        var problems = Check(registration, options).ToList();
        if (string.IsNullOrWhiteSpace(registration.RegisteredBy))
        {
            problems.Add("registeredBy: required.");
        }

        if (problems.Count > 0)
        {
            throw new ChatModelGovernanceException(problems);
        }
    }

    /// <summary>The version <paramref name="registration"/> becomes, under the number the registry chose.</summary>
    /// <param name="version">The version number (0 where the store numbers it).</param>
    /// <param name="createdAt">When it was registered.</param>
    /// <returns>The new version, pending approval.</returns>
    internal static ChatModelVersion NewVersion(ChatModelRegistration registration, int version, DateTimeOffset createdAt) => new()
    {
        Id = registration.Id,
        Version = version,

        // Every version, the first included, waits for a second person: a chat model sends data off the server.
        Status = ModelStatus.PendingApproval,
        Provider = registration.Provider,
        Endpoint = registration.Endpoint,
        ModelName = registration.ModelName,
        Temperature = registration.Temperature,
        MaxOutputTokens = registration.MaxOutputTokens,
        InputPricePer1K = registration.InputPricePer1K,
        OutputPricePer1K = registration.OutputPricePer1K,
        ContextWindow = registration.ContextWindow,
        SupportsJsonSchema = registration.SupportsJsonSchema,
        ApiKeySecret = registration.ApiKeySecret,
        RegisteredBy = registration.RegisteredBy,
        CreatedAt = createdAt,
        Description = registration.Description,
    };

    /// <summary>
    /// Why <paramref name="changedBy"/> may not move <paramref name="current"/> to <paramref name="status"/> (the
    /// four-eyes rule, then the allowed transitions); null when the change may go ahead.
    /// </summary>
    /// <returns>The refusal, for a person.</returns>
    internal static string? StatusRefusal(ChatModelVersion current, ModelStatus status, string changedBy)
    {
        if (status == ModelStatus.Approved && string.Equals(current.RegisteredBy, changedBy, StringComparison.Ordinal))
        {
            return "Four-eyes rule: who registered a chat-model version cannot approve it.";
        }

        return ModelLifecycle.IsAllowed(current.Status, status) ? null : $"Chat model {current.Reference} cannot go from {current.Status} to {status}.";
    }

    /// <summary>Whether <paramref name="id"/> can name a version (a lookup of any other id finds nothing).</summary>
    /// <returns>True for lowercase letters, digits and dashes, at most 64.</returns>
    internal static bool IsSafeId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>True when <paramref name="endpoint"/> is an absolute http(s) URL on the admin allow-list.</summary>
    /// <param name="options">Admin settings.</param>
    /// <returns>Whether it may be called.</returns>
    public static bool IsAllowedEndpoint(string? endpoint, ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && options.AllowedEndpoints.Any(allowed => Uri.TryCreate(allowed, UriKind.Absolute, out var a) && Normalise(a) == Normalise(uri));
    }

    /// <summary>Heuristic for values that are keys rather than names: provider key prefixes or long opaque tokens.</summary>
    /// <returns>Whether it looks like a secret.</returns>
    public static bool LooksLikeKey(string? value) => value is not null && KeyPattern().IsMatch(value);

    private static string Normalise(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/').ToUpperInvariant();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex(@"\b(sk-[A-Za-z0-9_-]{8,}|[A-Za-z0-9]{32,})\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex KeyPattern();
}
