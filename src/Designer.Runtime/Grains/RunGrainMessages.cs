namespace Designer.Runtime.Grains;

/// <summary>A decision sent to <see cref="IRunGrain"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainDecision
{
    /// <summary>Task id.</summary>
    [Id(0)]
    public required Guid TaskId { get; init; }

    /// <summary>The decision taken; must be one the task allows.</summary>
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

    /// <summary>When the web host signed the command (Unix milliseconds); stale commands are refused.</summary>
    [Id(7)]
    public long IssuedAt { get; init; }

    /// <summary>The web host's signature (<see cref="GrainCallSigner"/>); unsigned commands are refused.</summary>
    [Id(8)]
    public string? Signature { get; init; }

    /// <summary>A value unique to this command, covered by the signature; the grain refuses one it has seen (issue 14).</summary>
    [Id(9)]
    public string? Nonce { get; init; }

    /// <summary>The signed fields, in order (the run id and issue time are added by the signer).</summary>
    public IReadOnlyList<string?> SignedFields() =>
        ["decide", TaskId.ToString("D"), Decision, Comment, EditsJson, Correction, ActorId, ActorName, Nonce];
}

/// <summary>A cancel sent to <see cref="IRunGrain"/>: who cancels, signed by the web host.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainCancel
{
    /// <summary>Operator id.</summary>
    [Id(0)]
    public required string ActorId { get; init; }

    /// <summary>Operator name.</summary>
    [Id(1)]
    public required string ActorName { get; init; }

    /// <summary>When the web host signed the command (Unix milliseconds); stale commands are refused.</summary>
    [Id(2)]
    public long IssuedAt { get; init; }

    /// <summary>The web host's signature (<see cref="GrainCallSigner"/>); unsigned commands are refused.</summary>
    [Id(3)]
    public string? Signature { get; init; }

    /// <summary>A value unique to this command, covered by the signature; the grain refuses one it has seen (issue 14).</summary>
    [Id(4)]
    public string? Nonce { get; init; }

    /// <summary>The signed fields, in order (the run id and issue time are added by the signer).</summary>
    public IReadOnlyList<string?> SignedFields() => ["cancel", ActorId, ActorName, Nonce];
}

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

/// <summary>
/// The outcome of <see cref="IRunGrain.DecideAsync"/> and <see cref="IRunGrain.CancelAsync"/>: the grain's wire form
/// of an <see cref="Designer.Hosting.OperationResult{T}"/> (see <see cref="RunGrainOutcomes"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainOutcome
{
    /// <summary>How it ended.</summary>
    [Id(0)]
    public required RunGrainOutcomeKind Kind { get; init; }

    /// <summary>Why, when not Ok.</summary>
    [Id(1)]
    public string? Message { get; init; }
}
