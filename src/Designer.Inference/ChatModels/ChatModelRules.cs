using System.Text.RegularExpressions;

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
