namespace Designer.Persistence;

/// <summary>What starting a rollout asks for (checked by the caller; the store checks versions and the one-open rule).</summary>
/// <param name="CandidateVersion">The approved version to roll out.</param>
/// <param name="Mode">One of <see cref="RolloutModes"/> (canary or shadow).</param>
/// <param name="Percent">1–99.</param>
/// <param name="Window">The window as given (ISO-8601).</param>
/// <param name="WindowLength">The window, parsed.</param>
/// <param name="MinRuns">At least 1.</param>
/// <param name="Guards">Limits that roll the candidate back when breached.</param>
public sealed record NewRollout(Guid WorkflowId, int CandidateVersion, string Mode, int Percent, string Window, TimeSpan WindowLength, int MinRuns, RolloutGuards Guards);
