namespace Designer.Web.Hosting;

/// <summary>Requests per minute and client IP address for the endpoints worth guessing or flooding.</summary>
public sealed class RateLimitOptions
{
    /// <summary>API and page logins (default 20).</summary>
    public int LoginPerMinute { get; set; } = 20;

    /// <summary>Token refreshes (default 30).</summary>
    public int RefreshPerMinute { get; set; } = 30;

    /// <summary>Run starts (default 300).</summary>
    public int RunStartPerMinute { get; set; } = 300;

    /// <summary>Collection searches (default 300).</summary>
    public int SearchPerMinute { get; set; } = 300;
}
