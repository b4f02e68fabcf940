using Designer.Persistence;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// The real run store with switchable faults: on what execution writes (checkpoints and trace rows), and on the
/// trace reads that live pages make.
/// </summary>
internal sealed class FaultyRunStore(IRunStore inner) : IRunStore
{
    private volatile bool _failWrites;
    private volatile bool _failTraceReads;

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    public bool FailTraceReads
    {
        get => _failTraceReads;
        set => _failTraceReads = value;
    }

    public Task AppendCheckpointAsync(Guid runId, RunCheckpointRecord checkpoint, CancellationToken cancellationToken) =>
        FailWrites ? throw Fault() : inner.AppendCheckpointAsync(runId, checkpoint, cancellationToken);

    public Task<TraceEventRecord> AppendTraceAsync(Guid runId, string kind, string? nodeId, string json, DateTimeOffset timestamp, CancellationToken cancellationToken) =>
        FailWrites ? throw Fault() : inner.AppendTraceAsync(runId, kind, nodeId, json, timestamp, cancellationToken);

    public Task<RunRecord> CreateRunAsync(NewRun run, Actor startedBy, CancellationToken cancellationToken) => inner.CreateRunAsync(run, startedBy, cancellationToken);

    public Task<RunRecord?> GetRunAsync(Guid id, CancellationToken cancellationToken) => inner.GetRunAsync(id, cancellationToken);

    public Task<Page<RunRecord>> ListRunsAsync(RunQuery query, int page, int pageSize, CancellationToken cancellationToken) => inner.ListRunsAsync(query, page, pageSize, cancellationToken);

    public Task<RunRecord?> TransitionAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, CancellationToken cancellationToken) => inner.TransitionAsync(id, from, transition, cancellationToken);

    public Task<RunRecord?> CancelRunAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, Actor actor, CancellationToken cancellationToken) =>
        inner.CancelRunAsync(id, from, transition, actor, cancellationToken);

    public Task MarkHumanDecidedAsync(Guid id, CancellationToken cancellationToken) => inner.MarkHumanDecidedAsync(id, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ClaimOrphanedRunsAsync(string owner, IReadOnlyCollection<string> liveOwners, int max, CancellationToken cancellationToken) =>
        inner.ClaimOrphanedRunsAsync(owner, liveOwners, max, cancellationToken);

    public Task<RunCheckpointRecord?> GetCheckpointAsync(Guid runId, string checkpointId, CancellationToken cancellationToken) => inner.GetCheckpointAsync(runId, checkpointId, cancellationToken);

    public Task<IReadOnlyList<RunCheckpointRecord>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken) => inner.ListCheckpointsAsync(runId, cancellationToken);

    public Task<IReadOnlyList<TraceEventRecord>> ListTraceAsync(Guid runId, long afterSequence, int max, CancellationToken cancellationToken) =>
        FailTraceReads ? throw new InvalidOperationException("Injected storage fault: the database refused the read.") : inner.ListTraceAsync(runId, afterSequence, max, cancellationToken);

    public Task<HumanTaskRecord> CreateTaskAsync(NewHumanTask task, CancellationToken cancellationToken) => inner.CreateTaskAsync(task, cancellationToken);

    public Task<HumanTaskRecord?> WaitForHumanAsync(NewHumanTask task, decimal addCost, CancellationToken cancellationToken) => inner.WaitForHumanAsync(task, addCost, cancellationToken);

    public Task<HumanTaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken) => inner.GetTaskAsync(id, cancellationToken);

    public Task<Page<HumanTaskRecord>> ListTasksAsync(HumanTaskStatus? status, Guid? runId, int page, int pageSize, CancellationToken cancellationToken) =>
        inner.ListTasksAsync(status, runId, page, pageSize, cancellationToken);

    public Task<DecideTaskResult> DecideTaskAsync(Guid id, TaskDecision decision, Actor actor, CancellationToken cancellationToken) => inner.DecideTaskAsync(id, decision, actor, cancellationToken);

    public Task<int> CancelPendingTasksAsync(Guid runId, CancellationToken cancellationToken) => inner.CancelPendingTasksAsync(runId, cancellationToken);

    private static InvalidOperationException Fault() => new("Injected storage fault: the database refused the write.");
}
