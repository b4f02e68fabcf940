using System.Xml;

namespace Designer.Web.Rollouts;

/// <summary>Reads a rollout request body, listing every problem at once (nothing is saved when any is found).</summary>
internal static class RolloutRequest
{
    /// <summary>The longest window accepted.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    private static readonly string[] GuardNames = ["maxWrongRate", "maxEscalationRate", "maxDegradedRate", "p95LatencyMs"];

    /// <summary>Checks <paramref name="request"/> for version <paramref name="version"/> of <paramref name="workflowId"/>.</summary>
    /// <param name="workflowId">The workflow rolled out.</param>
    /// <param name="version">The candidate version.</param>
    /// <param name="request">The bound body; a wrongly typed property is null in it and listed in <paramref name="bindingProblems"/>.</param>
    /// <param name="bindingProblems">The wrongly typed properties, reported with the rest.</param>
    /// <param name="problems">Receives every problem.</param>
    /// <returns>The rollout, or null with <paramref name="problems"/> filled.</returns>
    public static NewRollout? Read(
        Guid workflowId, int version, StartRolloutRequest request, IReadOnlyList<OperationProblem> bindingProblems, List<OperationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bindingProblems);
        problems.AddRange(bindingProblems);

        // A wrongly typed property is already listed; its value checks would only repeat that.
        void Add(string field, string message)
        {
            if (!bindingProblems.Any(p => p.Field == field))
            {
                problems.Add(new OperationProblem($"rollout.{field}", message, Field: field));
            }
        }

        var mode = request.Mode;
        if (mode is not (RolloutModes.Canary or RolloutModes.Shadow))
        {
            Add("mode", "mode must be \"canary\" or \"shadow\".");
        }

        var percent = request.Percent;
        if (percent is not (>= 1 and <= 99))
        {
            Add("percent", "percent must be a whole number from 1 to 99.");
        }

        var minRuns = request.MinRuns ?? 1;
        if (minRuns is not (>= 1 and <= 1_000_000))
        {
            Add("minRuns", "minRuns must be a whole number from 1 to 1000000.");
        }

        var windowText = request.Window;
        var window = TimeSpan.Zero;
        if (windowText is not null)
        {
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
            Add("window", $"window must be an ISO-8601 duration greater than zero and at most {MaxWindow.TotalDays:0} days, e.g. \"PT1H\".");
        }

        var guards = request.Guards;
        var wrong = Guard(guards?.MaxWrongRate, "maxWrongRate", 0, 1, problems);
        var escalation = Guard(guards?.MaxEscalationRate, "maxEscalationRate", 0, 1, problems);
        var degraded = Guard(guards?.MaxDegradedRate, "maxDegradedRate", 0, 1, problems);
        var p95 = Guard(guards?.P95LatencyMs, "p95LatencyMs", 1, 86_400_000, problems);
        foreach (var unknown in guards?.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add(new OperationProblem("rollout.guards.unknown", $"Unknown guard '{unknown}'; use {string.Join(", ", GuardNames)}.", Field: $"guards.{unknown}"));
        }

        return problems.Count > 0
            ? null
            : new NewRollout(workflowId, version, mode!, percent!.Value, windowText!, window, minRuns, new RolloutGuards(wrong, escalation, degraded, p95));
    }

    private static double? Guard(double? value, string key, double min, double max, List<OperationProblem> problems)
    {
        if (value is null || (value >= min && value <= max))
        {
            return value;
        }

        problems.Add(new OperationProblem($"rollout.guards.{key}", $"guards.{key} must be a number from {min} to {max}.", Field: $"guards.{key}"));
        return null;
    }
}
