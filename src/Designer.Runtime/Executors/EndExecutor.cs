using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Runtime.State;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>Evaluates the output mapping (or takes all variables) and yields it as the run's output.</summary>
public sealed class EndExecutor : NodeExecutor
{
    private readonly EndConfig _config;

    internal EndExecutor(NodeDefinition node, EndConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
    }

    private protected override ProtocolBuilder ConfigureNodeProtocol(ProtocolBuilder protocolBuilder) =>
        protocolBuilder.YieldsOutput<RunOutput>();

    private protected override ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        JsonObject output;
        if (_config.OutputMapping is null)
        {
            output = scope.State.ToVariables();
            output.Remove("run");
        }
        else
        {
            output = [];
            foreach (var (field, expression) in _config.OutputMapping)
            {
                output[field] = Evaluate(scope, expression, $"outputMapping.{field}");
            }
        }

        return ValueTask.FromResult<NodeOutcome?>(new NodeOutcome("end", output));
    }

    private protected override async ValueTask ForwardAsync(RunState next, NodeOutcome outcome, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var output = (JsonObject)outcome.Output!.DeepClone();
        await Services.Trace.WriteAsync(
            new TraceEvent
            {
                RunId = next.RunId,
                Kind = TraceEventKinds.Output,
                NodeId = Node.Id,
                NodeKind = Node.Kind,
                StartedAt = Services.Time.GetUtcNow(),
                Output = Redaction.Apply(output),
            },
            cancellationToken);
        await context.YieldOutputAsync(new RunOutput(Node.Id, output), cancellationToken);
    }
}
