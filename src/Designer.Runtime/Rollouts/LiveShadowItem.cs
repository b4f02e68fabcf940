using System.Text.Json.Nodes;
using Designer.Persistence;

namespace Designer.Runtime.Rollouts;

/// <summary>One mirrored input.</summary>
/// <param name="Rollout">The shadow rollout.</param>
/// <param name="RunId">The live run.</param>
/// <param name="Input">Its input.</param>
public sealed record LiveShadowItem(RolloutRecord Rollout, Guid RunId, JsonObject Input);
