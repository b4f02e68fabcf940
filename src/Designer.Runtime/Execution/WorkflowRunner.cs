using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.State;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Execution;

/// <summary>
/// Runs compiled workflows in this process with a JSON checkpoint per superstep. Each call drives the run until it
/// completes, fails or waits at a human gate, then lets go of it: a decision is always applied by resuming from the
/// newest stored checkpoint, so it works the same in a new process. It does not stop two callers from deciding the
/// same gate — the run's grain (one per run) serialises that.
/// </summary>
public sealed class WorkflowRunner
{
    private readonly IRunCheckpointStore _store;
    private readonly CheckpointStoreAdapter _adapter;
    private readonly CheckpointManager _manager;

    /// <summary>Creates a runner.</summary>
    /// <param name="store">Checkpoint storage.</param>
    /// <param name="time">Clock for checkpoint timestamps.</param>
    public WorkflowRunner(IRunCheckpointStore store, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentNullException.ThrowIfNull(time);
        _adapter = new CheckpointStoreAdapter(store, time);
        _manager = CheckpointManager.CreateJson(_adapter, RuntimeJson.Options);
    }

    /// <summary>Starts a run and drives it until it completes, fails or waits.</summary>
    /// <param name="workflow">The compiled version.</param>
    /// <param name="runId">New run id (also the MAF session id).</param>
    /// <param name="input">Run input.</param>
    public async Task<RunResult> StartAsync(CompiledWorkflow workflow, string runId, JsonObject input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(input);
        var message = new NodeMessage(string.Empty, "start", RunState.Create(runId, input));
        try
        {
            await using var run = await InProcessExecution.RunStreamingAsync(workflow.CreateWorkflow(), message, _manager, runId, cancellationToken);
            return await DriveAsync(run, runId, _adapter, null, cancellationToken);
        }
        finally
        {
            _adapter.Forget(runId);
        }
    }

    /// <summary>Resumes a waiting run from its newest checkpoint and applies a human decision.</summary>
    /// <param name="workflow">The same compiled version the run started on.</param>
    /// <param name="decision">The decision for the waiting gate.</param>
    /// <exception cref="InvalidOperationException">The run has no checkpoint or is not waiting at that gate.</exception>
    public async Task<RunResult> ResumeAsync(CompiledWorkflow workflow, string runId, HumanDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(decision);
        var checkpoints = await _store.ListAsync(runId, cancellationToken);
        if (checkpoints.Count == 0)
        {
            throw new InvalidOperationException($"Run '{runId}' has no checkpoint to resume from.");
        }

        var sent = false;
        HumanDecision? Answer(HumanGateRequest request)
        {
            if (sent)
            {
                return null;
            }

            if (request.NodeId != decision.NodeId)
            {
                throw new InvalidOperationException($"Run '{runId}' waits at gate '{request.NodeId}', not '{decision.NodeId}'.");
            }

            sent = true;
            return decision;
        }

        return await ResumeFromAsync(workflow, runId, checkpoints[^1].CheckpointId, Answer, cancellationToken);
    }

    /// <summary>
    /// Continues a run whose process died: from its newest checkpoint, or from the input when it never wrote one.
    /// Nodes that were executing re-run with the same idempotency key (the attempt comes from the checkpointed
    /// state); a gate whose request already has a decision gets it from <paramref name="decisions"/>.
    /// </summary>
    /// <param name="workflow">The same compiled version the run started on.</param>
    /// <param name="input">The run input (used only when there is no checkpoint).</param>
    /// <param name="decisions">The stored decision for a gate request, or null while it is undecided.</param>
    public async Task<RunResult> RecoverAsync(CompiledWorkflow workflow, string runId, JsonObject input, Func<HumanGateRequest, HumanDecision?> decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(decisions);
        var checkpoints = await _store.ListAsync(runId, cancellationToken);
        // The last checkpoint of a finished run holds no work (resuming it would wait forever): step back to the
        // newest one that still has queued messages or an open request, so the end node re-runs with its key.
        var from = checkpoints.LastOrDefault(c => CheckpointJson.HasPendingWork(c.Json));
        return from is null
            ? await StartAsync(workflow, runId, input, cancellationToken)
            : await ResumeFromAsync(workflow, runId, from.CheckpointId, decisions, cancellationToken);
    }

    private async Task<RunResult> ResumeFromAsync(CompiledWorkflow workflow, string runId, string checkpointId, Func<HumanGateRequest, HumanDecision?> decisions, CancellationToken cancellationToken)
    {
        try
        {
            await using var run = await InProcessExecution.ResumeStreamingAsync(workflow.CreateWorkflow(), new CheckpointInfo(runId, checkpointId), _manager, cancellationToken);
            return await DriveAsync(run, runId, _adapter, decisions, cancellationToken);
        }
        finally
        {
            _adapter.Forget(runId);
        }
    }

    private static async Task<RunResult> DriveAsync(StreamingRun run, string runId, CheckpointStoreAdapter adapter, Func<HumanGateRequest, HumanDecision?>? decisions, CancellationToken cancellationToken)
    {
        ExternalRequest? pending = null;
        RunOutput? output = null;
        string? error = null;
        while (true)
        {
            await foreach (var evt in run.WatchStreamAsync(blockOnPendingRequest: false, cancellationToken))
            {
                switch (evt)
                {
                    case RequestInfoEvent request:
                        pending = request.Request;
                        break;
                    case WorkflowOutputEvent { Data: RunOutput o }:
                        output = o;
                        break;
                    case ExecutorFailedEvent failed:
                        error ??= failed.Data?.Message ?? $"Executor '{failed.ExecutorId}' failed.";
                        break;
                    case WorkflowErrorEvent failure:
                        error ??= (failure.Data as Exception)?.Message ?? "The workflow failed.";
                        break;
                }
            }

            if (error is null && output is null && pending is not null && decisions is not null)
            {
                var request = pending.Data.As<HumanGateRequest>()
                    ?? throw new InvalidOperationException($"Run '{runId}' waits on a request that is not a human gate.");
                if (decisions(request) is not { } decision)
                {
                    break;
                }

                var response = pending.CreateResponse(decision);
                pending = null;
                await run.SendResponseAsync(response);
                continue;
            }

            break;
        }

        var last = adapter.Newest(runId);
        if (error is not null)
        {
            return new RunResult(runId, WorkflowRunStatus.Failed, null, null, null, error, last);
        }

        if (output is not null)
        {
            return new RunResult(runId, WorkflowRunStatus.Completed, output.Output, output.EndNode, null, null, last);
        }

        if (pending?.Data.As<HumanGateRequest>() is { } waiting)
        {
            return new RunResult(runId, WorkflowRunStatus.WaitingForHuman, null, null, waiting, null, last);
        }

        return new RunResult(runId, WorkflowRunStatus.Stalled, null, null, null, "The run stopped without reaching an end node.", last);
    }
}
