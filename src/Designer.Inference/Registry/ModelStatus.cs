namespace Designer.Inference.Registry;

/// <summary>Lifecycle of a model version. Only <see cref="Approved"/> versions are served or may be pinned.</summary>
public enum ModelStatus
{
    /// <summary>Registered, waiting for an approver who is not <see cref="ModelDescriptor.TrainedBy"/>.</summary>
    PendingApproval,

    /// <summary>Approved: servable and pinnable.</summary>
    Approved,

    /// <summary>Rejected by an approver; final.</summary>
    Rejected,

    /// <summary>Previously approved, now withdrawn; may be re-approved (rollback).</summary>
    Retired,
}
