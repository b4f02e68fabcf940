namespace Designer.Runtime.Runs;

/// <summary>Optional parts of a run start.</summary>
/// <param name="RunKey">The caller's run (idempotency) key: a retried start with the same key lands on the same rollout side.</param>
/// <param name="Version">An explicit published version, which wins over the active version and any rollout split.</param>
public sealed record RunStartOptions(string? RunKey = null, int? Version = null);
