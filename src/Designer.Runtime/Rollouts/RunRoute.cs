using Designer.Persistence;

namespace Designer.Runtime.Rollouts;

/// <summary>Which version a new run runs, and whether its input is mirrored to a shadow candidate.</summary>
/// <param name="Version">The version to run, or null when the workflow has none active.</param>
/// <param name="Shadow">The shadow rollout to mirror the input to, if any.</param>
/// <param name="Problem">Why an explicitly requested version cannot run.</param>
public sealed record RunRoute(int? Version, RolloutRecord? Shadow = null, string? Problem = null);
