using Designer.Persistence;
using Designer.Runtime.Runs;

namespace Designer.Runtime.Grains;

/// <summary>
/// The run's grain. It keeps no state of its own (no grain storage, so nothing can be lost in memory storage): the
/// run record, checkpoints and tasks are rows behind <see cref="IRunStore"/>, and <see cref="RunService"/> queues
/// execution on the background host.
/// </summary>
public sealed class RunGrain : Grain, IRunGrain
{
    private readonly RunService _runs;
    private readonly IRunStore _store;

    /// <summary>Creates the grain.</summary>
    /// <param name="runs">The run service.</param>
    /// <param name="store">The run store.</param>
    public RunGrain(RunService runs, IRunStore store)
    {
        _runs = runs;
        _store = store;
    }

    /// <inheritdoc />
    public async Task<RunGrainDecisionOutcome> DecideAsync(RunGrainDecision request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await _store.GetTaskAsync(request.TaskId, CancellationToken.None);
        if (task is null || task.RunId != this.GetPrimaryKey())
        {
            return new RunGrainDecisionOutcome { Kind = RunGrainOutcomeKind.NotFound, Message = $"Task {request.TaskId} does not exist." };
        }

        var result = await _runs.DecideAsync(
            request.TaskId,
            new TaskDecision(request.Decision, request.Comment, request.EditsJson),
            new Actor(request.ActorId, request.ActorName),
            CancellationToken.None);
        return result switch
        {
            RunDecisionResult.Accepted => new RunGrainDecisionOutcome { Kind = RunGrainOutcomeKind.Ok },
            RunDecisionResult.NotFound => new RunGrainDecisionOutcome { Kind = RunGrainOutcomeKind.NotFound, Message = $"Task {request.TaskId} does not exist." },
            RunDecisionResult.Conflict c => new RunGrainDecisionOutcome { Kind = RunGrainOutcomeKind.Conflict, Message = $"Task {request.TaskId} is not pending ({c.Status}); another decision won." },
            RunDecisionResult.Invalid i => new RunGrainDecisionOutcome { Kind = RunGrainOutcomeKind.Invalid, Message = i.Message },
            _ => throw new InvalidOperationException("Unknown decision result."),
        };
    }

    /// <inheritdoc />
    public async Task<RunGrainCancelOutcome> CancelAsync()
    {
        var id = this.GetPrimaryKey();
        return await _runs.CancelAsync(id, CancellationToken.None) switch
        {
            RunCancelResult.Cancelled => new RunGrainCancelOutcome { Kind = RunGrainOutcomeKind.Ok },
            RunCancelResult.NotFound => new RunGrainCancelOutcome { Kind = RunGrainOutcomeKind.NotFound, Message = $"Run {id} does not exist." },
            RunCancelResult.Conflict c => new RunGrainCancelOutcome { Kind = RunGrainOutcomeKind.Conflict, Message = $"Run {id} has already ended ({c.Status})." },
            _ => throw new InvalidOperationException("Unknown cancel result."),
        };
    }
}
