namespace Designer.Persistence;

/// <summary>
/// Runs, their MAF checkpoints, trace events and human tasks. Status changes are conditional (concurrency token and
/// allowed source statuses), and deciding a task is one conditional UPDATE on <see cref="HumanTaskStatus.Pending"/>
/// plus the token read, so exactly one of any number of concurrent decisions wins.
/// </summary>
public interface IRunStore
{
    /// <summary>
    /// Records a new run in <see cref="RunStatus.Running"/> and its <c>run.started</c> audit entry (actor =
    /// <paramref name="startedBy"/>; workflow, version, trigger; never the input) in the same transaction.
    /// </summary>
    /// <returns>The stored run.</returns>
    Task<RunRecord> CreateRunAsync(NewRun run, Actor startedBy, CancellationToken cancellationToken);

    /// <summary>Gets a run.</summary>
    /// <returns>The run, or null.</returns>
    Task<RunRecord?> GetRunAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Page size, 1..<see cref="Paging.MaxPageSize"/>.</param>
    Task<Page<RunRecord>> ListRunsAsync(RunQuery query, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Changes a run's status if it is currently one of <paramref name="from"/>; terminal statuses set the end time.</summary>
    /// <param name="id">Run id.</param>
    /// <param name="from">Statuses the change is allowed from.</param>
    /// <returns>The updated run, or null when it does not exist, is in another status or changed concurrently.</returns>
    Task<RunRecord?> TransitionAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels a run as <see cref="TransitionAsync"/> does, and writes its <c>run.cancelled</c> audit entry (actor =
    /// <paramref name="actor"/>) in the same transaction (issue 14). The default (decorators and test stores) only
    /// transitions.
    /// </summary>
    /// <param name="from">Statuses the cancel is allowed from.</param>
    /// <param name="transition">The change to <see cref="RunStatus.Cancelled"/>.</param>
    /// <param name="actor">Who cancelled.</param>
    /// <returns>The cancelled run, or null when it does not exist, is in another status or changed concurrently.</returns>
    Task<RunRecord?> CancelRunAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, Actor actor, CancellationToken cancellationToken) =>
        TransitionAsync(id, from, transition, cancellationToken);

    /// <summary>Marks a run as decided by a human (for reporting).</summary>
    /// <param name="id">Run id.</param>
    Task MarkHumanDecidedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Claims runs whose executing host is gone, for <paramref name="owner"/>: <see cref="RunStatus.Running"/> runs
    /// whose owner is not in <paramref name="liveOwners"/>, and <see cref="RunStatus.WaitingForHuman"/> runs with no
    /// pending task (a decision was stored but its resume never started; they become Running). Each claim is a
    /// conditional update on the run's concurrency token, so of two hosts claiming at once exactly one gets a run.
    /// </summary>
    /// <param name="owner">The claiming host.</param>
    /// <param name="liveOwners">Hosts known to be alive (the claimer included).</param>
    /// <param name="max">At most this many runs per call.</param>
    /// <returns>The claimed runs, now owned by <paramref name="owner"/> and Running.</returns>
    Task<IReadOnlyList<RunRecord>> ClaimOrphanedRunsAsync(string owner, IReadOnlyCollection<string> liveOwners, int max, CancellationToken cancellationToken);

    /// <summary>Appends a checkpoint.</summary>
    Task AppendCheckpointAsync(Guid runId, RunCheckpointRecord checkpoint, CancellationToken cancellationToken);

    /// <summary>Reads one checkpoint.</summary>
    /// <returns>The checkpoint, or null.</returns>
    Task<RunCheckpointRecord?> GetCheckpointAsync(Guid runId, string checkpointId, CancellationToken cancellationToken);

    /// <summary>Every checkpoint of a run, oldest first.</summary>
    Task<IReadOnlyList<RunCheckpointRecord>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Appends a trace event with the next sequence number; callers serialise appends per run.</summary>
    /// <param name="kind">Event kind.</param>
    /// <param name="json">The event JSON.</param>
    /// <param name="timestamp">Event time.</param>
    /// <returns>The stored event.</returns>
    Task<TraceEventRecord> AppendTraceAsync(Guid runId, string kind, string? nodeId, string json, DateTimeOffset timestamp, CancellationToken cancellationToken);

    /// <summary>
    /// Appends trace rows and, when given, the checkpoint they belong to, in one transaction (issue 15: a superstep's
    /// rows are committed with its checkpoint, so after a crash either both exist or the superstep re-runs and writes
    /// them once). Callers serialise a run's appends. The default writes them one by one (decorators and test stores).
    /// </summary>
    /// <param name="checkpoint">The checkpoint, or null for rows only.</param>
    /// <param name="trace">The rows, in order.</param>
    /// <returns>The stored rows.</returns>
    async Task<IReadOnlyList<TraceEventRecord>> AppendRunWritesAsync(Guid runId, RunCheckpointRecord? checkpoint, IReadOnlyList<NewTraceEvent> trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var stored = new List<TraceEventRecord>(trace.Count);
        foreach (var row in trace)
        {
            stored.Add(await AppendTraceAsync(runId, row.Kind, row.NodeId, row.Json, row.Timestamp, cancellationToken));
        }

        if (checkpoint is not null)
        {
            await AppendCheckpointAsync(runId, checkpoint, cancellationToken);
        }

        return stored;
    }

    /// <summary>
    /// Appends a run's last trace rows and changes its status (as <see cref="TransitionAsync"/>) in one transaction;
    /// when the change does not apply (another status, a concurrent change) the rows are still stored. The default
    /// writes the rows first, then the change (decorators and test stores).
    /// </summary>
    /// <param name="id">Run id.</param>
    /// <param name="from">Statuses the change is allowed from.</param>
    /// <param name="trace">The rows, in order.</param>
    /// <returns>The updated run (or null) and the stored rows.</returns>
    async Task<RunTraceTransition> TransitionWithTraceAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, IReadOnlyList<NewTraceEvent> trace, CancellationToken cancellationToken)
    {
        var stored = await AppendRunWritesAsync(id, null, trace, cancellationToken);
        return new RunTraceTransition(await TransitionAsync(id, from, transition, cancellationToken), stored);
    }

    /// <summary>Trace events of a run with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    /// <param name="afterSequence">0 for all.</param>
    /// <param name="max">At most this many.</param>
    Task<IReadOnlyList<TraceEventRecord>> ListTraceAsync(Guid runId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>Creates the task for a gate request; a second call with the same request id returns the existing task.</summary>
    Task<HumanTaskRecord> CreateTaskAsync(NewHumanTask task, CancellationToken cancellationToken);

    /// <summary>
    /// Parks a <see cref="RunStatus.Running"/> run at a gate: in one transaction the run becomes
    /// <see cref="RunStatus.WaitingForHuman"/> and the task is created, so a waiting run always has its task.
    /// </summary>
    /// <param name="task">The gate's task.</param>
    /// <param name="addCost">Cost to add to the run.</param>
    /// <returns>The task, or null when the run is not Running (e.g. cancelled meanwhile) or changed concurrently.</returns>
    Task<HumanTaskRecord?> WaitForHumanAsync(NewHumanTask task, decimal addCost, CancellationToken cancellationToken);

    /// <summary>Gets a task.</summary>
    /// <returns>The task, or null.</returns>
    Task<HumanTaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists tasks, oldest first.</summary>
    /// <param name="status">Only this status, or any.</param>
    /// <param name="runId">Only this run, or any.</param>
    /// <param name="page">1-based page.</param>
    Task<Page<HumanTaskRecord>> ListTasksAsync(HumanTaskStatus? status, Guid? runId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Decides a pending task: one conditional UPDATE (status Pending and the token read); exactly one caller wins.</summary>
    /// <returns>Decided, Conflict (not pending any more) or NotFound.</returns>
    Task<DecideTaskResult> DecideTaskAsync(Guid id, TaskDecision decision, Actor actor, CancellationToken cancellationToken);

    /// <summary>Cancels every pending task of a run.</summary>
    /// <returns>How many were cancelled.</returns>
    Task<int> CancelPendingTasksAsync(Guid runId, CancellationToken cancellationToken);
}
