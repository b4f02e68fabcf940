using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Web.Rollouts;

/// <summary>
/// The body of a rollout start, bound by <see cref="Api.ApiBody.ReadAsync{T}"/>; <see cref="RolloutRequest"/> checks
/// the values and lists every problem, a wrongly typed property included.
/// </summary>
/// <param name="Mode"><c>canary</c> (a share of new runs) or <c>shadow</c> (mirrored, never answering); required.</param>
/// <param name="Percent">Percent of new runs for the candidate, 1 to 99; required.</param>
/// <param name="Window">How long the rollout runs, an ISO-8601 duration such as <c>PT1H</c>, at most 90 days; required.</param>
/// <param name="MinRuns">Runs each side needs before the guards judge (1 when left out).</param>
/// <param name="Guards">The limits that abort the rollout when crossed; none when left out.</param>
public sealed record StartRolloutRequest(string? Mode, int? Percent, string? Window, int? MinRuns, RolloutGuardsRequest? Guards);

/// <summary>The guards of a rollout start; a guard left out (null) is not checked.</summary>
/// <param name="MaxWrongRate">The highest share of wrong answers, 0 to 1.</param>
/// <param name="MaxEscalationRate">The highest share of escalated runs, 0 to 1.</param>
/// <param name="MaxDegradedRate">The highest share of degraded runs, 0 to 1.</param>
/// <param name="P95LatencyMs">The highest 95th-percentile latency in milliseconds, 1 to 86,400,000.</param>
public sealed record RolloutGuardsRequest(double? MaxWrongRate, double? MaxEscalationRate, double? MaxDegradedRate, double? P95LatencyMs)
{
    /// <summary>Gets or sets the properties that name no guard, which the start refuses one by one.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
