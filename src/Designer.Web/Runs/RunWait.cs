using System.Globalization;
using System.Xml;

namespace Designer.Web.Runs;

/// <summary>
/// How long a caller asked a run start to wait for the run to settle (issue 15, synchronous start): the query
/// parameter <c>wait</c> as an ISO-8601 duration (<c>?wait=PT10S</c>), or the RFC 7240 preference
/// <c>Prefer: wait=10</c> in seconds. At most <see cref="Max"/>; the query wins when both are given.
/// </summary>
internal static class RunWait
{
    /// <summary>The longest wait a start may ask for; longer runs are followed by their status URL or trace stream.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>Reads the requested wait; null when none was asked for. Problems name the field they came from.</summary>
    /// <param name="request">The start request.</param>
    /// <param name="wait">The wait, when one was asked for and is valid.</param>
    /// <param name="fromPrefer">Whether it came from the <c>Prefer</c> header (answered with <c>Preference-Applied</c>).</param>
    /// <returns>A problem, or null.</returns>
    public static ValidationProblem? TryRead(HttpRequest request, out TimeSpan? wait, out bool fromPrefer)
    {
        wait = null;
        fromPrefer = false;
        if (request.Query.TryGetValue("wait", out var query))
        {
            TimeSpan parsed;
            try
            {
                parsed = XmlConvert.ToTimeSpan(query.ToString());
            }
            catch (FormatException)
            {
                return Problem("wait", $"'wait' must be an ISO-8601 duration such as PT10S, not '{Shorten(query.ToString())}'.");
            }
            catch (OverflowException)
            {
                return Problem("wait", $"'wait' must be at most {Max.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.");
            }

            return Bounded(parsed, "wait", out wait);
        }

        foreach (var preference in request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase))
            {
                // Other preferences (respond-async, return=…) are not ours to refuse.
                continue;
            }

            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Problem("Prefer", "'Prefer: wait=<seconds>' must give a whole number of seconds.");
            }

            fromPrefer = true;
            return Bounded(TimeSpan.FromSeconds(seconds), "Prefer", out wait);
        }

        return null;
    }

    private static ValidationProblem? Bounded(TimeSpan asked, string field, out TimeSpan? wait)
    {
        wait = null;
        if (asked < TimeSpan.Zero || asked > Max)
        {
            return Problem(field, $"The wait must be between 0 and {Max.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.");
        }

        wait = asked;
        return null;
    }

    private static ValidationProblem Problem(string field, string message) => new("run.wait", message, Field: field);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
