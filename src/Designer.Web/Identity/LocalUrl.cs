namespace Designer.Web.Identity;

/// <summary>Return URLs after login: a path on this site, nothing a browser could read as another host.</summary>
internal static partial class LocalUrl
{
    public const string Fallback = "/workflows";

    /// <summary>The URL when it is a local absolute path, else <see cref="Fallback"/>.</summary>
    /// <param name="returnUrl">The <c>returnUrl</c> query value (paths with or without the leading slash).</param>
    /// <returns>A path starting with one <c>/</c>.</returns>
    public static string Resolve(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return Fallback;
        }

        // A scheme ("javascript:", "https:") is never a path of ours, even if a slash would make it one.
        if (Scheme().IsMatch(returnUrl))
        {
            return Fallback;
        }

        // RedirectToLogin passes base-relative paths ("runs/1"); give them their slash back before judging.
        var path = returnUrl[0] == '/' ? returnUrl : "/" + returnUrl;
        return IsLocal(path) ? path : Fallback;
    }

    // Same rule as ASP.NET Core's IsLocalUrl, plus: no scheme or backslash anywhere, since "/https://x" became
    // "https://x" once the old code trimmed the slash, and browsers read "\" as "/".
    private static bool IsLocal(string path) =>
        path.Length >= 1 && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains("://", StringComparison.Ordinal)
        && !path.Any(char.IsControl)
        && Uri.IsWellFormedUriString(path, UriKind.Relative);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex Scheme();
}
