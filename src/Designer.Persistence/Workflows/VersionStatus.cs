namespace Designer.Persistence;

/// <summary>The review state of a workflow version. Stored as a string.</summary>
/// <remarks>
/// A version starts as <see cref="PendingApproval"/> and moves exactly once, to <see cref="Published"/> or
/// <see cref="Rejected"/>. A published version stays published forever; which published version runs is
/// <c>Workflow.ActiveVersion</c>.
/// </remarks>
public enum VersionStatus
{
    /// <summary>Submitted and waiting for an approver who is not the author.</summary>
    PendingApproval,

    /// <summary>Approved; immutable and eligible for activation.</summary>
    Published,

    /// <summary>Rejected with a comment.</summary>
    Rejected,
}
