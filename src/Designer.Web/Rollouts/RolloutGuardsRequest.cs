using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Web.Rollouts;

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
