namespace Designer.Runtime.Grains;

/// <summary>A decision sent to <see cref="IRunGrain"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainDecision
{
    /// <summary>Task id.</summary>
    [Id(0)]
    public required Guid TaskId { get; init; }

    /// <summary>The decision.</summary>
    [Id(1)]
    public required string Decision { get; init; }

    /// <summary>Optional comment.</summary>
    [Id(2)]
    public string? Comment { get; init; }

    /// <summary>Edited values (JSON object), if any.</summary>
    [Id(3)]
    public string? EditsJson { get; init; }

    /// <summary>The reviewer's edit of a model's draft, if any.</summary>
    [Id(6)]
    public string? Correction { get; init; }

    /// <summary>Decider id.</summary>
    [Id(4)]
    public required string ActorId { get; init; }

    /// <summary>Decider name.</summary>
    [Id(5)]
    public required string ActorName { get; init; }
}

/// <summary>How a decision ended.</summary>
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
}

/// <summary>The outcome of <see cref="IRunGrain.DecideAsync"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainDecisionOutcome
{
    /// <summary>How it ended.</summary>
    [Id(0)]
    public required RunGrainOutcomeKind Kind { get; init; }

    /// <summary>Why, when not Ok.</summary>
    [Id(1)]
    public string? Message { get; init; }
}

/// <summary>The outcome of <see cref="IRunGrain.CancelAsync"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainCancelOutcome
{
    /// <summary>How it ended.</summary>
    [Id(0)]
    public required RunGrainOutcomeKind Kind { get; init; }

    /// <summary>Why, when not Ok.</summary>
    [Id(1)]
    public string? Message { get; init; }
}
