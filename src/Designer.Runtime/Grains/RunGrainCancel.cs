namespace Designer.Runtime.Grains;

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
