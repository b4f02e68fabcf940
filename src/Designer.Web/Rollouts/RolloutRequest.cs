using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Designer.Web.Rollouts;

/// <summary>Reads a rollout request body, listing every problem at once (nothing is saved when any is found).</summary>
internal static class RolloutRequest
{
    /// <summary>The longest window accepted.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    private static readonly string[] GuardNames = ["maxWrongRate", "maxEscalationRate", "maxDegradedRate", "p95LatencyMs"];

    /// <summary>Parses <paramref name="body"/> for version <paramref name="version"/> of <paramref name="workflowId"/>.</summary>
    /// <returns>The rollout, or null with <paramref name="problems"/> filled.</returns>
    public static NewRollout? Read(Guid workflowId, int version, JsonObject body, List<ValidationProblem> problems)
    {
        var mode = body["mode"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : null;
        if (mode is not (RolloutModes.Canary or RolloutModes.Shadow))
        {
            problems.Add(new ValidationProblem("rollout.mode", "mode must be \"canary\" or \"shadow\".", Field: "mode"));
        }

        var percent = Integer(body, "percent", 1, 99, required: true, problems);
        var minRuns = Integer(body, "minRuns", 1, 1_000_000, required: false, problems) ?? 1;
        string? windowText = null;
        TimeSpan window = default;
        if (body["window"] is JsonValue w && w.GetValueKind() == JsonValueKind.String)
        {
            windowText = w.GetValue<string>();
            try
            {
                window = windowText.Length <= 32 && windowText.StartsWith('P') ? XmlConvert.ToTimeSpan(windowText) : TimeSpan.Zero;
            }
            catch (FormatException)
            {
                window = TimeSpan.Zero;
            }
            catch (OverflowException)
            {
                window = TimeSpan.MaxValue;
            }
        }

        if (window <= TimeSpan.Zero || window > MaxWindow)
        {
            problems.Add(new ValidationProblem("rollout.window", $"window must be an ISO-8601 duration greater than zero and at most {MaxWindow.TotalDays:0} days, e.g. \"PT1H\".", Field: "window"));
        }

        double? wrong = null, escalation = null, degraded = null, p95 = null;
        switch (body["guards"])
        {
            case null:
                break;
            case JsonObject guards:
                wrong = Number(guards, "maxWrongRate", 0, 1, problems);
                escalation = Number(guards, "maxEscalationRate", 0, 1, problems);
                degraded = Number(guards, "maxDegradedRate", 0, 1, problems);
                p95 = Number(guards, "p95LatencyMs", 1, 86_400_000, problems);
                foreach (var unknown in guards.Select(g => g.Key).Where(k => !GuardNames.Contains(k, StringComparer.Ordinal)))
                {
                    problems.Add(new ValidationProblem("rollout.guards.unknown", $"Unknown guard '{unknown}'; use {string.Join(", ", GuardNames)}.", Field: $"guards.{unknown}"));
                }

                break;
            default:
                problems.Add(new ValidationProblem("rollout.guards", "guards must be an object.", Field: "guards"));
                break;
        }

        return problems.Count > 0
            ? null
            : new NewRollout(workflowId, version, mode!, percent!.Value, windowText!, window, minRuns, new RolloutGuards(wrong, escalation, degraded, p95));
    }

    private static int? Integer(JsonObject body, string key, int min, int max, bool required, List<ValidationProblem> problems)
    {
        if (body[key] is null && !required)
        {
            return null;
        }

        if (body[key] is JsonValue v && TryNumber(v, out var d) && d == Math.Floor(d) && d >= min && d <= max)
        {
            return (int)d;
        }

        problems.Add(new ValidationProblem($"rollout.{key}", $"{key} must be a whole number from {min} to {max}.", Field: key));
        return null;
    }

    private static double? Number(JsonObject guards, string key, double min, double max, List<ValidationProblem> problems)
    {
        if (guards[key] is null)
        {
            return null;
        }

        if (guards[key] is JsonValue v && TryNumber(v, out var d) && d >= min && d <= max)
        {
            return d;
        }

        problems.Add(new ValidationProblem($"rollout.guards.{key}", $"guards.{key} must be a number from {min} to {max}.", Field: $"guards.{key}"));
        return null;
    }

    /// <summary>
    /// A JSON number as a double, whether parsed from text or built in code (the version page builds the body from
    /// ints, and a value built from an int does not convert to double by itself).
    /// </summary>
    private static bool TryNumber(JsonValue value, out double number)
    {
        number = 0;
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue<double>(out number))
        {
            return true;
        }

        if (value.TryGetValue<int>(out var i))
        {
            number = i;
            return true;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = l;
            return true;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            number = (double)m;
            return true;
        }

        return false;
    }
}
