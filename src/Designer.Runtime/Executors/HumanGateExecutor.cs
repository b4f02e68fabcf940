using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Policies;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// Sends a <see cref="HumanGateRequest"/> to the gate's request port and parks the run state in MAF state (so it is
/// checkpointed); the <see cref="HumanDecision"/> that comes back continues on approved / rejected / timeout.
/// </summary>
public sealed class HumanGateExecutor : NodeExecutor
{
    private const string PendingKey = "pending";
    private readonly HumanGateConfig _config;

    /// <inheritdoc />
    private protected override bool WritesActor => true;

    internal HumanGateExecutor(NodeDefinition node, HumanGateConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
    }

    /// <summary>The request port id of a gate node.</summary>
    /// <param name="nodeId">Gate node id.</param>
    /// <returns><c>&lt;nodeId&gt;.request</c>.</returns>
    public static string PortId(string nodeId) => nodeId + ".request";

    /// <summary>The output port a decision leads to.</summary>
    /// <param name="decision">approve, reject or timeout (other options of the gate count as rejected).</param>
    /// <returns>approved, rejected or timeout.</returns>
    public static string PortFor(string decision) => decision switch
    {
        "approve" or "approved" => "approved",
        HumanDecision.Timeout => "timeout",
        _ => "rejected",
    };

    private protected override ProtocolBuilder ConfigureNodeProtocol(ProtocolBuilder protocolBuilder)
    {
        protocolBuilder.ConfigureRoutes(routes => routes.AddHandler<HumanDecision>(HandleDecisionAsync));
        return protocolBuilder.SendsMessage<HumanGateRequest>();
    }

    private protected override async ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var instructions = _config.Instructions is { } template ? Render(scope, template, "instructions") : string.Empty;
        var request = new HumanGateRequest(
            scope.State.RunId, Node.Id, _config.AssigneeRole, instructions, _config.Decisions, _config.EditableFields ?? [],
            _config.SlaMinutes, _config.TimeoutAction, scope.StartedAt, scope.IdempotencyKey);

        await context.QueueStateUpdateAsync(PendingKey, new PendingGate(scope.State, scope.StartedAt), cancellationToken);
        await EmitAsync(scope, TraceEventKinds.Request, cancellationToken, new JsonObject
        {
            ["assigneeRole"] = request.AssigneeRole,
            ["instructions"] = request.Instructions,
            ["decisions"] = new JsonArray([.. request.Decisions.Select(d => (JsonNode?)JsonValue.Create(d))]),
            ["slaMinutes"] = request.SlaMinutes,
            ["timeoutAction"] = request.TimeoutAction,
        });
        await context.SendMessageAsync(request, PortId(Node.Id), cancellationToken);
        return null;
    }

    private async ValueTask HandleDecisionAsync(HumanDecision decision, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var pending = await context.ReadStateAsync<PendingGate>(PendingKey, cancellationToken)
            ?? throw new NodeFaultException(Node.Id, "a decision arrived but the gate has no pending request", null);
        await context.QueueStateUpdateAsync<PendingGate?>(PendingKey, null, cancellationToken);

        var scope = new NodeScope(Node.Id, pending.State, pending.StartedAt, Services.Time.GetTimestamp());
        var fields = new JsonObject();
        foreach (var name in _config.EditableFields ?? [])
        {
            if (decision.Fields?[name] is { } value)
            {
                fields[name] = value.DeepClone();
            }
        }

        // A timed-out SLA follows the gate's timeoutAction (timeout, approve or reject).
        var port = decision.Decision == HumanDecision.Timeout ? PortFor(_config.TimeoutAction) : PortFor(decision.Decision);
        var output = new JsonObject
        {
            ["decision"] = decision.Decision,
            ["actor"] = decision.Actor,
            ["comment"] = decision.Comment,
            ["fields"] = fields,
        };
        if (decision.Correction is not null)
        {
            output["correction"] = decision.Correction;
        }

        await EmitAsync(scope, TraceEventKinds.Decision, cancellationToken, (JsonObject)output.DeepClone());
        await CompleteAsync(scope, new NodeOutcome(port, output), context, cancellationToken);
    }
}
