namespace Designer.Persistence;

/// <summary>Timestamps with a precision that round-trips identically on SQLite and PostgreSQL.</summary>
internal static class Clock
{
    /// <summary>The current UTC time truncated to whole microseconds (PostgreSQL's precision).</summary>
    public static DateTimeOffset UtcNow(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }
}
