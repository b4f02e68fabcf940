namespace Designer.Persistence;

/// <summary>Why a lifecycle operation was refused.</summary>
public enum LifecycleErrorKind
{
    /// <summary>The workflow or version does not exist.</summary>
    NotFound,

    /// <summary>A stale ETag or a concurrent change (HTTP 409/412).</summary>
    Conflict,

    /// <summary>The version is in the wrong state for the operation.</summary>
    InvalidState,

    /// <summary>The approver is the author of the version.</summary>
    SelfApproval,

    /// <summary>An argument is missing or invalid (e.g. a rejection without a comment).</summary>
    Invalid,
}
