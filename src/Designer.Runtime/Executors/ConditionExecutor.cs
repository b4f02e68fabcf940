using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>Routes on a boolean expression (<c>true</c>/<c>else</c>) or on the first true switch case.</summary>
public sealed class ConditionExecutor : NodeExecutor
{
    private readonly ConditionConfig _config;

    internal ConditionExecutor(NodeDefinition node, ConditionConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
    }

    private protected override ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var port = ConditionConfig.ElsePort;
        if (_config.Cases is { Count: > 0 } cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (EvaluateBoolean(scope, cases[i].Expression, $"cases[{i}].expression"))
                {
                    port = cases[i].Port;
                    break;
                }
            }
        }
        else if (_config.Expression is { } expression && EvaluateBoolean(scope, expression, "expression"))
        {
            port = ConditionConfig.TruePort;
        }

        return ValueTask.FromResult<NodeOutcome?>(new NodeOutcome(port, new JsonObject { ["port"] = port }));
    }
}
