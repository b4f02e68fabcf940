namespace Designer.Runtime.Actions;

/// <summary>
/// Resolves an action's rendered path under its connection's base URL and refuses anything else: absolute URLs,
/// scheme-relative or backslash paths, dot segments (also percent-encoded), user info, and any result whose scheme,
/// host, port or path prefix differs from the base. The only guard against SSRF, so it is strict on purpose.
/// </summary>
public static class ActionUrlResolver
{
    /// <summary>Resolves <paramref name="path"/> under <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The connection's absolute base URL.</param>
    /// <param name="path">The rendered, relative path (may carry a query).</param>
    /// <param name="error">Why the path was refused.</param>
    /// <returns>True when the URL lies under the base.</returns>
    public static bool TryResolve(Uri baseUrl, string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(path);
        url = null;
        error = Check(path);
        if (error is not null)
        {
            return false;
        }

        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        if (!Uri.TryCreate(root, path.TrimStart('/'), out var resolved))
        {
            error = "the path is not a valid relative URL";
            return false;
        }

        if (resolved.Scheme != root.Scheme || !string.Equals(resolved.Host, root.Host, StringComparison.OrdinalIgnoreCase)
            || resolved.Port != root.Port || resolved.UserInfo.Length > 0
            || !resolved.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
        {
            error = "the URL does not lie under the connection's base URL";
            return false;
        }

        url = resolved;
        return true;
    }

    private static string? Check(string path)
    {
        if (path.Any(char.IsControl) || path.Contains('\\', StringComparison.Ordinal))
        {
            return "the path contains a control character or a backslash";
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return "the path is a scheme-relative URL";
        }

        var pathOnly = path.Split('?', '#')[0];

        // RFC 3986: a colon in the first segment makes it a scheme (http:, file:, javascript:).
        var first = pathOnly.TrimStart('/').Split('/')[0];
        if (first.Contains(':', StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal))
        {
            return "the path is an absolute URL";
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pathOnly);
        }
        catch (UriFormatException)
        {
            return "the path is not validly percent-encoded";
        }

        if (decoded.Contains('\\', StringComparison.Ordinal) || decoded.Split('/').Any(s => s is "." or ".."))
        {
            return "the path contains '.' or '..' segments";
        }

        return null;
    }
}
