using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Executors;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Recovery;
using Designer.Runtime.Rollouts;
using Designer.Workflows.Serialization;

namespace Designer.Runtime.Runs;

/// <summary>
/// Starts, resumes and cancels runs in this process. Every state change goes through <see cref="IRunStore"/>
/// (conditional on the run's status); execution happens on <see cref="RunExecutionHost"/>, never inside the
/// caller's request. A decision is applied exactly once: the task's conditional update picks one winner, and only
/// the winner queues the resume from the newest stored checkpoint.
/// </summary>
public sealed partial class RunService
{
    private static readonly RunStatus[] FromRunning = [RunStatus.Running];
    private static readonly RunStatus[] FromWaiting = [RunStatus.WaitingForHuman];
    private static readonly RunStatus[] FromActive = [RunStatus.Running, RunStatus.WaitingForHuman];
    private static readonly RunStatus[] FromStalled = [RunStatus.Interrupted, RunStatus.Running];
    private const int RecoveryBatch = 100;
    private const int CompiledVersionLimit = 1024;
    private static readonly TimeSpan CancelledCompensationWindow = TimeSpan.FromDays(7);
    private static readonly Actor SlaActor = new("system:sla", "SLA timer");

    private readonly IRunStore _runs;
    private readonly IWorkflowStore _workflows;
    private readonly WorkflowCompiler _compiler;
    private readonly WorkflowRunner _runner;
    private readonly DurableTraceSink _trace;
    private readonly RunExecutionHost _host;
    private readonly IRunOwnership _ownership;
    private readonly IGateDeadlines _deadlines;
    private readonly StorageFaults _faults;
    private readonly RolloutRouter _router;
    private readonly LiveShadowQueue _shadows;
    private readonly IRunVault? _vault;
    private readonly IRunWriteCache? _writes;
    private readonly Actions.RunCompensator? _compensator;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(Guid Workflow, int Number), CompiledWorkflow> _compiledVersions = new();

    /// <summary>Creates the service.</summary>
    /// <param name="runs">Run storage.</param>
    /// <param name="workflows">Workflow storage (active versions).</param>
    /// <param name="compiler">The compiler (cached per content hash).</param>
    /// <param name="runner">The runner over the durable checkpoint store.</param>
    /// <param name="trace">The durable trace sink (for the run's cost).</param>
    /// <param name="host">Background execution.</param>
    /// <param name="ownership">This host's owner id and the live hosts.</param>
    /// <param name="deadlines">Arms gate SLAs.</param>
    /// <param name="faults">Runs whose storage writes failed.</param>
    /// <param name="router">Picks each new run's version (rollouts, issue 13).</param>
    /// <param name="shadows">Live inputs mirrored to a shadow rollout's candidate.</param>
    /// <param name="vault">
    /// Turns the tokens of stored rows back into values for the engine (input on recovery, decisions); null when the
    /// store keeps payloads as given.
    /// </param>
    /// <param name="writes">Keeps a run's vault and sequences while its work executes here; null to read them per write.</param>
    /// <param name="compensator">Undoes the successful actions of a failed or cancelled run; null for none.</param>
    /// <param name="time">The clock (the window of <see cref="CompensateCancelledAsync"/>); the system clock when null.</param>
    public RunService(IRunStore runs, IWorkflowStore workflows, WorkflowCompiler compiler, WorkflowRunner runner, DurableTraceSink trace, RunExecutionHost host, IRunOwnership ownership, IGateDeadlines deadlines, StorageFaults faults, RolloutRouter router, LiveShadowQueue shadows, IRunVault? vault = null, IRunWriteCache? writes = null, Actions.RunCompensator? compensator = null, TimeProvider? time = null)
    {
        _compensator = compensator;
        _time = time ?? TimeProvider.System;
        _writes = writes;
        _router = router;
        _shadows = shadows;
        _vault = vault;
        _faults = faults;
        _deadlines = deadlines;
        _ownership = ownership;
        _runs = runs;
        _workflows = workflows;
        _compiler = compiler;
        _runner = runner;
        _trace = trace;
        _host = host;
    }

    /// <summary>Starts a run of the workflow's active version; it executes in the background.</summary>
    /// <param name="input">Run input.</param>
    /// <param name="cancellationToken">Cancels the start (not the run).</param>
    /// <returns>The new run, or a refusal from <see cref="RunStartErrors"/>.</returns>
    public Task<OperationResult<RunRecord>> StartAsync(Guid workflowId, JsonObject input, Actor actor, CancellationToken cancellationToken) =>
        StartAsync(workflowId, input, actor, null, cancellationToken);

    /// <summary>
    /// Starts a run of the version its route picks (an explicit version, a rollout's side, or the active version);
    /// the run is pinned to that version. It executes in the background.
    /// </summary>
    /// <param name="input">Run input.</param>
    /// <param name="options">Run key and explicit version, if any.</param>
    /// <param name="cancellationToken">Cancels the start (not the run).</param>
    /// <returns>The new run, or a refusal from <see cref="RunStartErrors"/>.</returns>
    public async Task<OperationResult<RunRecord>> StartAsync(Guid workflowId, JsonObject input, Actor actor, RunStartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var workflow = await _workflows.GetWorkflowAsync(workflowId, cancellationToken);
        if (workflow is null)
        {
            return RunStartErrors.WorkflowNotFound(workflowId);
        }

        var route = await _router.RouteAsync(workflow, options, cancellationToken);
        if (route.Problem is { } problem)
        {
            return RunStartErrors.NotRunnable([problem]);
        }

        if (route.Version is not { } number)
        {
            return RunStartErrors.NoActiveVersion(workflowId);
        }

        // A version's content never changes once submitted, so its compiled form is kept per (workflow, number):
        // no version read and no parse per start (issue 15). Which number runs is still decided per start above.
        if (!_compiledVersions.TryGetValue((workflowId, number), out var compiled))
        {
            if (await _workflows.GetVersionAsync(workflowId, number, cancellationToken) is not { } version)
            {
                return RunStartErrors.NoActiveVersion(workflowId);
            }

            try
            {
                compiled = Compile(version.CanonicalJson, version.ContentHash);
            }
            catch (WorkflowCompilationException ex)
            {
                return RunStartErrors.NotRunnable(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
            }

            Remember(workflowId, number, compiled);
        }

        if (options?.ValidateInput == true
            && compiled.Definition.Nodes.FirstOrDefault(n => n.Id == compiled.StartNodeId)?.Config["inputSchema"] is JsonObject schema
            && InputSchemaValidator.Validate(schema, input) is { Count: > 0 } invalid)
        {
            return RunStartErrors.InvalidInput(invalid);
        }

        var run = await _runs.CreateRunAsync(new NewRun(workflowId, number, compiled.ContentHash, input.ToJsonString(), _ownership.Owner, options?.RunId, options?.Trigger), actor, cancellationToken);
        var runId = RunIds.Format(run.Id);
        Execute(run.Id, async token =>
        {
            var result = await RunGuardedAsync(() => _runner.StartAsync(compiled, runId, (JsonObject)input.DeepClone(), token), runId, token);
            await ApplyAsync(run.Id, compiled, result, token);
        });
        if (route.Shadow is { } shadow)
        {
            await _shadows.EnqueueAsync(shadow, run.Id, cancellationToken);
        }

        return run;
    }

    /// <summary>Decides a pending task; the winner resumes the run in the background.</summary>
    /// <param name="actor">The decider (the caller has checked the task's role).</param>
    /// <returns>The decided task; NotFound, Conflict (not pending any more: another decision won) or Invalid.</returns>
    public async Task<OperationResult<HumanTaskRecord>> DecideAsync(Guid taskId, TaskDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        var task = await _runs.GetTaskAsync(taskId, cancellationToken);
        if (task is null)
        {
            return TaskNotFound(taskId);
        }

        if (TaskDecisions.Check(task, decision) is { } problem)
        {
            return OperationError.Invalid(problem);
        }

        return await ApplyDecisionAsync(taskId, decision, actor, cancellationToken);
    }

    /// <summary>
    /// Times a pending task out (its SLA expired): the gate receives the <c>timeout</c> decision and follows its
    /// timeout action; a task decided meanwhile stays as it is (Conflict).
    /// </summary>
    /// <returns>The timed-out task; NotFound or Conflict.</returns>
    public async Task<OperationResult<HumanTaskRecord>> TimeOutAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var task = await _runs.GetTaskAsync(taskId, cancellationToken);
        var comment = task?.Due is { } due ? $"SLA expired at {due:O}." : "SLA expired.";
        return await ApplyDecisionAsync(taskId, new TaskDecision(HumanDecision.Timeout, comment, null), SlaActor, cancellationToken);
    }

    /// <summary>Arms the SLA of every pending task with a due time (reminders do not outlive the silo).</summary>
    /// <returns>How many were armed.</returns>
    public async Task<int> ScheduleDeadlinesAsync(CancellationToken cancellationToken)
    {
        var armed = 0;
        for (var page = 1; ; page++)
        {
            var tasks = await _runs.ListTasksAsync(HumanTaskStatus.Pending, null, page, Paging.MaxPageSize, cancellationToken);
            foreach (var task in tasks.Items.Where(t => t.Due is not null))
            {
                await _deadlines.ScheduleAsync(task.RunId, task.Id, task.Due!.Value, cancellationToken);
                armed++;
            }

            if (tasks.Items.Count < Paging.MaxPageSize)
            {
                return armed;
            }
        }
    }

    /// <summary>The error of a decision on a task that does not exist.</summary>
    internal static OperationError TaskNotFound(Guid taskId) => OperationError.NotFound($"Task {taskId} does not exist.");

    private async Task<OperationResult<HumanTaskRecord>> ApplyDecisionAsync(Guid taskId, TaskDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        var decided = await _runs.DecideTaskAsync(taskId, decision, actor, cancellationToken);
        switch (decided)
        {
            case DecideTaskResult.NotFound:
                return TaskNotFound(taskId);
            case DecideTaskResult.Conflict conflict:
                return OperationError.Conflict($"Task {taskId} is not pending ({conflict.Status}); another decision won.");
        }

        var winner = ((DecideTaskResult.Decided)decided).Task;
        await _runs.MarkHumanDecidedAsync(winner.RunId, CancellationToken.None);
        if (await _runs.TransitionAsync(winner.RunId, FromWaiting, new RunTransition(RunStatus.Running, Owner: _ownership.Owner), CancellationToken.None) is { } run)
        {
            Execute(run.Id, async token =>
            {
                var human = TaskDecisions.ToHumanDecision(await ClearAsync(winner, token), actor);
                var compiled = await CompileRunAsync(run, token);
                var result = await RunGuardedAsync(() => _runner.ResumeAsync(compiled, RunIds.Format(run.Id), human, token), RunIds.Format(run.Id), token);
                await ApplyAsync(run.Id, compiled, result, token);
            });
        }

        return winner;
    }

    /// <summary>
    /// Claims the runs of hosts that are not alive (see <see cref="IRunStore.ClaimOrphanedRunsAsync"/>) and resumes
    /// each from its newest checkpoint in the background; in-flight nodes re-run with the same idempotency key.
    /// </summary>
    /// <param name="cancellationToken">Cancels the sweep (not the resumed runs).</param>
    /// <returns>How many runs were claimed.</returns>
    public async Task<int> RecoverOrphansAsync(CancellationToken cancellationToken)
    {
        var total = await ResumeSuspendedAsync(cancellationToken);
        var live = await _ownership.LiveOwnersAsync(cancellationToken);
        IReadOnlyList<RunRecord> claimed;
        do
        {
            claimed = await _runs.ClaimOrphanedRunsAsync(_ownership.Owner, live, RecoveryBatch, cancellationToken);
            foreach (var run in claimed)
            {
                Execute(run.Id, token => RecoverAsync(run, token));
            }

            total += claimed.Count;
        }
        while (claimed.Count == RecoveryBatch);

        return total;
    }

    /// <summary>Resumes this host's runs that stopped on a storage fault; those storage still refuses wait again.</summary>
    private async Task<int> ResumeSuspendedAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        foreach (var id in _faults.TakeSuspended())
        {
            RunRecord? run;
            try
            {
                run = await _runs.TransitionAsync(id, FromStalled, new RunTransition(RunStatus.Running, Owner: _ownership.Owner), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _faults.Suspend(id);
                continue;
            }

            if (run is not null)
            {
                Execute(run.Id, token => RecoverAsync(run, token));
                resumed++;
            }
        }

        return resumed;
    }

    /// <summary>
    /// Queues the run's work; while it executes here this process owns the run, so its writes reuse one vault and
    /// in-memory sequences (issue 15), and the next piece of work (a resume, a recovery elsewhere) reads them afresh.
    /// </summary>
    private void Execute(Guid runId, Func<CancellationToken, Task> work) =>
        _host.Enqueue(runId, async token =>
        {
            _writes?.Hold(runId);
            _trace.Begin(runId);
            try
            {
                await work(token);
            }
            finally
            {
                await _trace.EndAsync(runId);
                _writes?.Release(runId);
            }
        });

    private async Task RecoverAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var runId = RunIds.Format(run.Id);
        var compiled = await CompileRunAsync(run, cancellationToken);
        var decided = new List<HumanTaskRecord>();
        foreach (var task in (await _runs.ListTasksAsync(HumanTaskStatus.Decided, run.Id, 1, Paging.MaxPageSize, cancellationToken)).Items)
        {
            decided.Add(await ClearAsync(task, cancellationToken));
        }

        HumanDecision? Stored(HumanGateRequest request) =>
            decided.FirstOrDefault(t => t.RequestId == request.IdempotencyKey) is { } task
                ? TaskDecisions.ToHumanDecision(task, new Actor(task.DecidedById ?? string.Empty, task.DecidedByName ?? string.Empty))
                : null;
        var inputJson = _vault is null ? run.InputJson : await _vault.DetokenizeJsonAsync(run.Id, run.InputJson, cancellationToken);
        var input = JsonNode.Parse(inputJson) as JsonObject ?? [];
        var result = await RunGuardedAsync(() => _runner.RecoverAsync(compiled, runId, input, Stored, cancellationToken), runId, cancellationToken);
        await ApplyAsync(run.Id, compiled, result, cancellationToken);
    }

    /// <summary>The task with the values its decision holds as tokens in storage, for the gate (never for display).</summary>
    private async Task<HumanTaskRecord> ClearAsync(HumanTaskRecord task, CancellationToken cancellationToken)
    {
        if (_vault is null)
        {
            return task;
        }

        return task with
        {
            Comment = task.Comment is null ? null : await _vault.DetokenizeTextAsync(task.RunId, task.Comment, cancellationToken),
            EditsJson = task.EditsJson is null ? null : await _vault.DetokenizeJsonAsync(task.RunId, task.EditsJson, cancellationToken),
            Correction = task.Correction is null ? null : await _vault.DetokenizeTextAsync(task.RunId, task.Correction, cancellationToken),
        };
    }

    private CompiledWorkflow Compile(string canonicalJson, string contentHash)
    {
        var parsed = WorkflowJson.Parse(canonicalJson);
        if (parsed.Definition is null)
        {
            throw new WorkflowCompilationException([.. parsed.Problems.Select(p => $"{p.Code}: {p.Message}")]);
        }

        return _compiler.Compile(parsed.Definition, contentHash);
    }

    private async Task<CompiledWorkflow> CompileRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        // The start's cache: a version never changes, so a resume or recovery needs no version read either.
        if (_compiledVersions.TryGetValue((run.WorkflowId, run.VersionNumber), out var cached))
        {
            return cached;
        }

        var version = await _workflows.GetVersionAsync(run.WorkflowId, run.VersionNumber, cancellationToken)
            ?? throw new InvalidOperationException($"Version {run.VersionNumber} of workflow {run.WorkflowId} is gone.");
        var compiled = Compile(version.CanonicalJson, version.ContentHash);
        Remember(run.WorkflowId, run.VersionNumber, compiled);
        return compiled;
    }

    private void Remember(Guid workflowId, int number, CompiledWorkflow compiled)
    {
        if (_compiledVersions.Count >= CompiledVersionLimit)
        {
            _compiledVersions.Clear();
        }

        _compiledVersions[(workflowId, number)] = compiled;
    }

    /// <summary>Turns an exception of the runner (not a cancellation) into a failed result.</summary>
    private static async Task<RunResult> RunGuardedAsync(Func<Task<RunResult>> run, string runId, CancellationToken cancellationToken)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RunResult(runId, WorkflowRunStatus.Failed, null, null, null, ex.Message, null);
        }
    }

    private async Task ApplyAsync(Guid runId, CompiledWorkflow compiled, RunResult result, CancellationToken cancellationToken)
    {
        var cost = _trace.TakeCost(runId);
        if (_faults.Take(runId) is { } fault)
        {
            // A write of this run failed: its history is incomplete, so it is never reported done. It becomes
            // Interrupted if storage takes that, and the next sweep resumes it from its newest checkpoint.
            _faults.Suspend(runId);
            _trace.Discard(runId);
            await _runs.TransitionAsync(runId, FromRunning, new RunTransition(RunStatus.Interrupted, Error: $"A storage write failed: {fault}"), CancellationToken.None);
            return;
        }

        try
        {
            await RecordAsync(runId, compiled, result, cost, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _faults.Suspend(runId);
            throw;
        }
    }

    private async Task RecordAsync(Guid runId, CompiledWorkflow compiled, RunResult result, decimal cost, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case WorkflowRunStatus.Completed:
                await FinishAsync(runId, new RunTransition(RunStatus.Completed, result.Output?.ToJsonString() ?? "{}", result.EndNode, AddCost: cost));
                break;
            case WorkflowRunStatus.WaitingForHuman when result.PendingRequest is { } request:
                // The task's evidence is read from the trace: the buffered rows first.
                await _trace.FlushAsync(runId);
                // Status and task in one transaction: a waiting run always has its pending task.
                var evidence = await Evidence.CollectAsync(_runs, runId, cancellationToken);
                if (await _runs.WaitForHumanAsync(TaskDecisions.NewTask(runId, request, evidence), cost, CancellationToken.None) is { Due: { } due } task)
                {
                    await _deadlines.ScheduleAsync(runId, task.Id, due, CancellationToken.None);
                }

                break;
            default:
                if (_compensator is not null && Actions.RunCompensator.CanCompensate(compiled.Definition))
                {
                    // The compensator reads the run's trace for the actions to undo.
                    await _trace.FlushAsync(runId);
                    // Before the run is marked failed: a crash in between leaves it Running, so recovery re-runs the
                    // failing step, fails again and comes back here; calls already recorded are not sent twice.
                    await _compensator.CompensateAsync(runId, "failed", cancellationToken);
                    _trace.TakeCost(runId);
                }

                await FinishAsync(runId, new RunTransition(RunStatus.Faulted, Error: result.Error ?? "The run failed.", AddCost: cost));
                break;
        }
    }
}
