using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Runs;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Microsoft.Extensions.Logging;

namespace Designer.Runtime.Actions;

/// <summary>
/// The saga half of the action node (issue 16): when a run fails or is cancelled, sends the compensating call of
/// every action that had answered <c>ok</c>, newest first, each with <c>Idempotency-Key: runId:nodeId:compensate</c>.
/// What to send is read from the run's trace (rendered when the action succeeded), and each call is recorded there as
/// a <c>compensation</c> event, so a repeated pass — after a crash, on another host — skips what was already sent and
/// re-sends an unrecorded call with the same key, which the receiver deduplicates. One audit entry per pass.
/// </summary>
public sealed partial class RunCompensator
{
    private const int TracePage = 500;
    private static readonly Actor Runtime = new("system:runtime", "Runtime");

    private readonly IRunStore _runs;
    private readonly ActionRuntime _actions;
    private readonly DurableTraceSink _trace;
    private readonly TimeProvider _time;
    private readonly IRunVault? _vault;
    private readonly IAuditLog? _audit;
    private readonly ILogger<RunCompensator> _logger;

    /// <summary>Creates the compensator.</summary>
    /// <param name="runs">Run storage (the trace).</param>
    /// <param name="actions">Connections and their clients.</param>
    /// <param name="trace">Where each compensation is recorded.</param>
    /// <param name="time">Clock for timestamps and timeouts.</param>
    /// <param name="vault">Turns the trace's tokens back into values to send; null when the store keeps them as given.</param>
    /// <param name="audit">The audit chain; null for none.</param>
    public RunCompensator(IRunStore runs, ActionRuntime actions, DurableTraceSink trace, TimeProvider time, ILogger<RunCompensator> logger, IRunVault? vault = null, IAuditLog? audit = null)
    {
        _runs = runs;
        _actions = actions;
        _trace = trace;
        _time = time;
        _logger = logger;
        _vault = vault;
        _audit = audit;
    }

    /// <summary>
    /// Whether a run of <paramref name="definition"/> can owe a compensation: only then is its trace read when it
    /// fails or is cancelled.
    /// </summary>
    /// <param name="definition">The run's workflow version.</param>
    /// <returns>True when an action node declares a compensation.</returns>
    public static bool CanCompensate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Nodes.Any(n => n.Kind == NodeKinds.Action && n.Config[ActionCompensation.OutputField] is JsonObject);
    }

    /// <summary>Sends the compensations of <paramref name="runId"/> not yet recorded.</summary>
    /// <param name="runId">The failed or cancelled run.</param>
    /// <param name="reason">Why (<c>failed</c> or <c>cancelled</c>), for the trace and audit.</param>
    /// <param name="cancellationToken">Cancels the pass; what was sent stays recorded.</param>
    /// <returns>How many calls were sent.</returns>
    public async Task<int> CompensateAsync(Guid runId, string reason, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(runId, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var runText = RunIds.Format(runId);
        var audited = new JsonArray();
        foreach (var (nodeId, compensation) in pending)
        {
            var result = await SendAsync(runText, nodeId, compensation, reason, cancellationToken);
            audited.Add(new JsonObject
            {
                ["node"] = nodeId,
                ["connection"] = compensation.Connection,
                ["method"] = compensation.Method,
                ["status"] = result["status"]?.DeepClone(),
                ["port"] = result["port"]?.DeepClone(),
            });
        }

        if (_audit is not null)
        {
            await _audit.AppendAsync(Runtime, AuditActions.RunCompensated, AuditActions.RunEntityType, runText,
                new JsonObject { ["reason"] = reason, ["calls"] = audited }, CancellationToken.None);
        }

        LogCompensated(runId, pending.Count, reason);
        return pending.Count;
    }

    /// <summary>Successful actions with a compensation and no recorded one, newest first.</summary>
    private async Task<List<(string NodeId, ActionCompensation Compensation)>> PendingAsync(Guid runId, CancellationToken cancellationToken)
    {
        var armed = new List<(string, ActionCompensation)>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        IReadOnlyList<TraceEventRecord> page;
        do
        {
            page = await _runs.ListTraceAsync(runId, after, TracePage, cancellationToken);
            foreach (var row in page)
            {
                after = row.Sequence;
                if (row.NodeId is null)
                {
                    continue;
                }

                if (row.Kind == TraceEventKinds.Compensation)
                {
                    done.Add(row.NodeId);
                }
                else if (row.Kind == TraceEventKinds.NodeCompleted && row.Json.Contains(ActionCompensation.OutputField, StringComparison.Ordinal))
                {
                    var json = _vault is null ? row.Json : await _vault.DetokenizeJsonAsync(runId, row.Json, cancellationToken);
                    var traced = JsonNode.Parse(json);
                    // Only an action's own output: a model or retrieval node whose text happens to hold a
                    // "compensation" object must never make the runtime call a connection.
                    if (traced?["nodeKind"]?.GetValue<string>() == NodeKinds.Action && traced["port"]?.GetValue<string>() == "ok"
                        && ActionCompensation.From(traced["output"]) is { } compensation)
                    {
                        armed.Add((row.NodeId, compensation));
                    }
                }
            }
        }
        while (page.Count == TracePage);

        // A node that ran twice (a loop) is compensated once, for its newest success.
        return [.. armed.AsEnumerable().Reverse().Where(a => !done.Contains(a.Item1)).DistinctBy(a => a.Item1)];
    }

    private async Task<JsonObject> SendAsync(string runId, string nodeId, ActionCompensation compensation, string reason, CancellationToken cancellationToken)
    {
        var key = ActionCompensation.IdempotencyKeyFor(runId, nodeId);
        var input = new JsonObject
        {
            ["method"] = compensation.Method,
            ["connection"] = compensation.Connection,
            ["path"] = compensation.Path,
            ["idempotencyKey"] = key,
            ["reason"] = reason,
        };
        var started = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var output = await CallAsync(compensation, key, cancellationToken);
        var ended = _time.GetUtcNow();
        await _trace.WriteAsync(new TraceEvent
        {
            RunId = runId,
            Kind = TraceEventKinds.Compensation,
            NodeId = nodeId,
            NodeKind = "action",
            IdempotencyKey = key,
            StartedAt = startedAt,
            EndedAt = ended,
            DurationMs = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 1),
            Port = output["port"]!.GetValue<string>(),
            Input = input,
            Output = output,
            Error = output["error"]?.GetValue<string>(),
        }, CancellationToken.None);
        return output;
    }

    /// <summary>One call through the connection's resilient client; a failure is a result, never an exception.</summary>
    private async Task<JsonObject> CallAsync(ActionCompensation compensation, string key, CancellationToken cancellationToken)
    {
        if (!_actions.Options.Connections.TryGetValue(compensation.Connection, out var connection))
        {
            return Result("client-error", null, $"connection '{compensation.Connection}' is no longer configured");
        }

        if (!ActionUrlResolver.TryResolve(new Uri(connection.BaseUrl), compensation.Path, out var url, out var refused))
        {
            return Result("client-error", null, refused);
        }

        using var request = new HttpRequestMessage(new HttpMethod(compensation.Method), url);
        if (compensation.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(compensation.ContentType));
        }

        foreach (var (name, value) in compensation.Headers)
        {
            var text = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();
            ActionRuntime.AddHeader(request, name, text);
        }

        request.Headers.TryAddWithoutValidation(ActionServices.IdempotencyHeader, key);
        ActionRuntime.Authorize(request, connection);
        using var deadline = new CancellationTokenSource(connection.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _actions.CreateClient(compensation.Connection).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return Result(ActionServices.PortFor(response.StatusCode), (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Result("timeout", null, $"no answer within {connection.Timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException ex)
        {
            return Result("server-error", null, ex.Message);
        }
    }

    private static JsonObject Result(string port, int? status, string? error) => new()
    {
        ["port"] = port,
        ["status"] = status,
        ["error"] = error,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} {Reason}: sent {Count} compensating call(s).")]
    private partial void LogCompensated(Guid runId, int count, string reason);
}
