namespace Designer.Persistence;

/// <summary>Where an evaluation stands.</summary>
public enum EvaluationStatus
{
    /// <summary>Waiting for the worker.</summary>
    Queued,

    /// <summary>Being worked on (or interrupted: resumed on the next start).</summary>
    Running,

    /// <summary>Every case finished.</summary>
    Succeeded,

    /// <summary>Stopped on request; finished cases are kept.</summary>
    Cancelled,

    /// <summary>Stopped by an error.</summary>
    Failed,
}
