using System.Diagnostics;
using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Expressions;
using Designer.Runtime.Policies;
using Designer.Runtime.State;
using Designer.Runtime.Telemetry;
using Designer.Runtime.Tracing;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// Base of the one executor class per node kind. The executor id is the node id, so checkpoints stay valid for the
/// same definition; the class names are part of the checkpoint format (do not rename them). Executors keep no
/// per-run fields: everything a run needs travels in <see cref="NodeMessage"/> or MAF state, so one compiled
/// workflow serves many runs.
/// </summary>
public abstract class NodeExecutor : Executor
{
    /// <summary>Creates the executor.</summary>
    /// <param name="services">Shared runtime services.</param>
    /// <param name="redaction">The workflow's trace redaction.</param>
    private protected NodeExecutor(NodeDefinition node, RuntimeServices services, RedactionPolicy redaction)
        : base(node.Id, null, declareCrossRunShareable: true)
    {
        Node = node;
        Services = services;
        Redaction = redaction;
    }

    /// <summary>What this executor runs, as the definition gives it (config expressions not yet evaluated).</summary>
    public NodeDefinition Node { get; }

    private protected RuntimeServices Services { get; }

    private protected RedactionPolicy Redaction { get; }

    /// <inheritdoc />
    protected override ProtocolBuilder ConfigureProtocol(ProtocolBuilder protocolBuilder)
    {
        ArgumentNullException.ThrowIfNull(protocolBuilder);
        protocolBuilder.ConfigureRoutes(routes => routes.AddHandler<NodeMessage>(HandleMessageAsync));
        protocolBuilder.SendsMessage<NodeMessage>();
        return ConfigureNodeProtocol(protocolBuilder);
    }

    /// <summary>Adds kind-specific routes and message types.</summary>
    private protected virtual ProtocolBuilder ConfigureNodeProtocol(ProtocolBuilder protocolBuilder) => protocolBuilder;

    /// <summary>Runs the node's logic.</summary>
    /// <param name="scope">This execution.</param>
    /// <param name="context">MAF context.</param>
    /// <returns>The outcome, or null when the node waits (human gate).</returns>
    private protected abstract ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken);

    /// <summary>Hands the completed state on: by default to the targets of the chosen port.</summary>
    /// <param name="next">State with this node's output.</param>
    /// <param name="context">MAF context.</param>
    private protected virtual ValueTask ForwardAsync(RunState next, NodeOutcome outcome, IWorkflowContext context, CancellationToken cancellationToken) =>
        context.SendMessageAsync(new NodeMessage(Node.Id, outcome.Port, next), cancellationToken);

    /// <summary>True for nodes whose events and output carry the acting staff member under an actor key (gates).</summary>
    private protected virtual bool WritesActor => false;

    private protected NodeScope BeginScope(RunState state) =>
        new(Node.Id, state, Services.Time.GetUtcNow(), Services.Time.GetTimestamp());

    private protected ValueTask EmitAsync(NodeScope scope, string kind, CancellationToken cancellationToken, JsonObject? data = null, decimal? cost = null) =>
        Services.Trace.WriteAsync(
            NodeEvent(scope, kind) with
            {
                StartedAt = Services.Time.GetUtcNow(),
                Data = data is null ? null : (JsonObject?)Redaction.Apply(data, runtimeWritten: WritesActor),
                Cost = cost,
            },
            cancellationToken);

    private protected ValueTask EmitInvokedAsync(NodeScope scope, CancellationToken cancellationToken) =>
        Services.Trace.WriteAsync(NodeEvent(scope, TraceEventKinds.NodeInvoked), cancellationToken);

    /// <summary>The fields every trace event of this attempt carries; each kind adds its own with <c>with</c>.</summary>
    private TraceEvent NodeEvent(NodeScope scope, string kind) => new()
    {
        RunId = scope.State.RunId,
        Kind = kind,
        NodeId = Node.Id,
        NodeKind = Node.Kind,
        Attempt = scope.Attempt,
        IdempotencyKey = scope.IdempotencyKey,
        StartedAt = scope.StartedAt,
    };

    /// <summary>Records completion and forwards the new state.</summary>
    private protected async ValueTask CompleteAsync(NodeScope scope, NodeOutcome outcome, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var ended = Services.Time.GetUtcNow();
        await Services.Trace.WriteAsync(
            NodeEvent(scope, TraceEventKinds.NodeCompleted) with
            {
                EndedAt = ended,
                DurationMs = (ended - scope.StartedAt).TotalMilliseconds,
                Port = outcome.Port,
                Input = Redaction.Apply(outcome.Input),
                Output = Redaction.Apply(outcome.Output, $"nodes.{Node.Id}", WritesActor),
                Data = outcome.Data is null ? null : (JsonObject?)Redaction.Apply(outcome.Data),
                Cost = outcome.Cost,
            },
            cancellationToken);
        await ForwardAsync(scope.State.WithNodeOutput(Node.Id, outcome.Output), outcome, context, cancellationToken);
    }

    /// <summary>Records the failure and returns the exception that fails the run.</summary>
    private protected async ValueTask<NodeFaultException> FailAsync(NodeScope scope, Exception error, CancellationToken cancellationToken)
    {
        var fault = error as NodeFaultException ?? new NodeFaultException(Node.Id, error.Message, error);
        var ended = Services.Time.GetUtcNow();
        await Services.Trace.WriteAsync(
            NodeEvent(scope, TraceEventKinds.NodeFailed) with
            {
                EndedAt = ended,
                DurationMs = (ended - scope.StartedAt).TotalMilliseconds,
                Error = fault.Message,
            },
            CancellationToken.None);
        return fault;
    }

    private async ValueTask HandleMessageAsync(NodeMessage message, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var scope = BeginScope(message.State);
        using var activity = RuntimeTelemetry.StartNode(scope.State.RunId, Node.Id, Node.Kind, scope.Attempt);
        await EmitInvokedAsync(scope, cancellationToken);
        NodeOutcome? outcome;
        try
        {
            outcome = await ExecuteAsync(scope, context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            RuntimeTelemetry.RecordNode(Node.Kind, "failed", Services.Time.GetElapsedTime(scope.StartTimestamp).TotalMilliseconds);
            throw await FailAsync(scope, ex, cancellationToken);
        }

        var port = outcome?.Port ?? "waiting";
        activity?.SetTag("designer.port", port);
        RuntimeTelemetry.RecordNode(Node.Kind, port, Services.Time.GetElapsedTime(scope.StartTimestamp).TotalMilliseconds);
        if (outcome is not null)
        {
            await CompleteAsync(scope, outcome, context, cancellationToken);
        }
    }

    /// <summary>Evaluates an expression, naming the node and the config field when it fails.</summary>
    private protected JsonNode? Evaluate(NodeScope scope, string expression, string field)
    {
        try
        {
            return Services.Sandbox.Evaluate(expression, scope.Variables);
        }
        catch (ExpressionException ex)
        {
            throw new NodeFaultException(Node.Id, $"{field}: {ex.Message}", ex);
        }
    }

    /// <summary>Evaluates a rule, naming the node and the config field when it fails.</summary>
    private protected bool EvaluateBoolean(NodeScope scope, string expression, string field)
    {
        try
        {
            return Services.Sandbox.EvaluateBoolean(expression, scope.Variables);
        }
        catch (ExpressionException ex)
        {
            throw new NodeFaultException(Node.Id, $"{field}: {ex.Message}", ex);
        }
    }

    /// <summary>Renders a template, naming the node and the config field when it fails.</summary>
    private protected string Render(NodeScope scope, string template, string field)
    {
        try
        {
            return Services.Sandbox.Render(template, scope.Variables);
        }
        catch (ExpressionException ex)
        {
            throw new NodeFaultException(Node.Id, $"{field}: {ex.Message}", ex);
        }
    }
}
