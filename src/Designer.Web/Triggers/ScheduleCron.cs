using Cronos;

namespace Designer.Web.Triggers;

/// <summary>
/// Cron expressions and time zones of schedule triggers (issue 16), parsed by Cronos: 5 fields (minute hour
/// day-of-month month day-of-week) or 6 (seconds first), read in an IANA time zone. Cronos handles daylight saving
/// time: a local time skipped by a spring-forward fires once at the shifted instant, and one repeated by a fall-back
/// fires once (interval expressions such as <c>*/30</c> fire in both repeated hours, as their instants differ).
/// </summary>
internal static class ScheduleCron
{
    public const int MaxLength = 200;

    // Cron has no year, so whether an expression ever occurs does not depend on the clock: looking from a fixed
    // instant (Cronos searches far enough ahead for the 28-year weekday/leap-day cycle) keeps parsing pure.
    private static readonly DateTime NeverOccursProbe = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Parses a cron expression; null with the reason when it is malformed or never occurs.</summary>
    public static CronExpression? TryParse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            problem = $"cron is required: 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), at most {MaxLength} characters.";
            return null;
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            problem = $"cron '{trimmed}' has {fields} fields; use 5 (minute hour day-of-month month day-of-week) or 6 (seconds first).";
            return null;
        }

        try
        {
            var expression = CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

            // "0 0 30 2 *" parses but never occurs; a schedule that can never fire is a mistake worth naming.
            if (expression.GetNextOccurrence(NeverOccursProbe) is null)
            {
                problem = $"cron '{trimmed}' never occurs.";
                return null;
            }

            return expression;
        }
        catch (CronFormatException ex)
        {
            problem = $"cron '{trimmed}' is malformed: {ex.Message}";
            return null;
        }
    }

    /// <summary>Finds an IANA time zone; null with the reason when the id is unknown or not IANA.</summary>
    public static TimeZoneInfo? TryFindTimeZone(string? id, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            problem = "timeZone is required: an IANA time zone such as 'Europe/Berlin' or 'UTC'.";
            return null;
        }

        // Windows ids are converted by .NET but differ between hosts' configuration; only IANA ids are stored.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId)
        {
            return zone;
        }

        problem = $"timeZone '{id}' is not a known IANA time zone (e.g. 'Europe/Berlin', 'America/New_York', 'UTC').";
        return null;
    }

    /// <summary>The occurrences after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>, oldest first.</summary>
    public static IReadOnlyList<DateTimeOffset> Between(CronExpression expression, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive, int limit)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var result = new List<DateTimeOffset>();
        if (toInclusive <= fromExclusive)
        {
            return result;
        }

        foreach (var occurrence in expression.GetOccurrences(fromExclusive.UtcDateTime, toInclusive.UtcDateTime, zone, fromInclusive: false, toInclusive: true))
        {
            result.Add(new DateTimeOffset(occurrence, TimeSpan.Zero));

            // Only the newest ones can fire; the window slides so a long outage never holds every occurrence.
            if (result.Count > limit)
            {
                result.RemoveAt(0);
            }
        }

        return result;
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="from"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(CronExpression expression, TimeZoneInfo zone, DateTimeOffset from, int count)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var result = new List<DateTimeOffset>();
        var cursor = from.UtcDateTime;
        while (result.Count < count && expression.GetNextOccurrence(cursor, zone) is { } next)
        {
            result.Add(new DateTimeOffset(next, TimeSpan.Zero));
            cursor = next;
        }

        return result;
    }
}
