namespace Designer.Runtime.Grains;

/// <summary>How a decision or cancel ended.</summary>
public enum RunGrainOutcomeKind
{
    /// <summary>Accepted (decision) or done (cancel).</summary>
    Ok,

    /// <summary>No such task or run, or the task belongs to another run.</summary>
    NotFound,

    /// <summary>Not pending / already ended.</summary>
    Conflict,

    /// <summary>The decision or edits are not allowed.</summary>
    Invalid,

    /// <summary>The command is unsigned, wrongly signed or stale (issue 14): nothing was done.</summary>
    Refused,
}
