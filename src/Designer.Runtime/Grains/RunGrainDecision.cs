namespace Designer.Runtime.Grains;

/// <summary>A decision sent to <see cref="IRunGrain"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunGrainDecision
{
    /// <summary>The pending task decided; the grain refuses one that belongs to another run.</summary>
    [Id(0)]
    public required Guid TaskId { get; init; }

    /// <summary>The decision taken; must be one the task allows.</summary>
    [Id(1)]
    public required string Decision { get; init; }

    /// <summary>The decider's note, kept in the run history; null if none.</summary>
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
