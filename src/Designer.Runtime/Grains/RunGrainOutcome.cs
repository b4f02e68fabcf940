namespace Designer.Runtime.Grains;

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
