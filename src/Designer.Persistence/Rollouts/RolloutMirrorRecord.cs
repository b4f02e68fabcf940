namespace Designer.Persistence;

/// <summary>A mirrored live run waiting for its shadow run, as claimed by a worker.</summary>
/// <param name="Id">Row id.</param>
/// <param name="RolloutId">The shadow rollout.</param>
/// <param name="RunId">The live run.</param>
/// <param name="Attempts">Claims so far, this one included.</param>
public sealed record RolloutMirrorRecord(Guid Id, Guid RolloutId, Guid WorkflowId, int CandidateVersion, Guid RunId, int Attempts)
{
    internal static RolloutMirrorRecord From(RolloutMirrorEntity e) => new(e.Id, e.RolloutId, e.WorkflowId, e.CandidateVersion, e.RunId, e.Attempts);
}
