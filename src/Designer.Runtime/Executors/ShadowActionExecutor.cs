using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>
/// An action node in shadow mode (offline evaluations, live shadow runs): nothing is sent — a refund must not be
/// issued again because a dataset was replayed — and the node leaves through <c>ok</c> with <c>sent: false</c>, so the
/// rest of the path (an auto-resolve end after a refund) is evaluated as it would run in production.
/// </summary>
public sealed class ShadowActionExecutor : NodeExecutor
{
    private readonly ActionConfig _config;

    internal ShadowActionExecutor(NodeDefinition node, ActionConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction) => _config = config;

    private protected override ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["method"] = _config.Method,
            ["connection"] = _config.Connection,
            ["sent"] = false,
        };
        var output = new JsonObject
        {
            ["status"] = null,
            ["body"] = null,
            ["mapped"] = new JsonObject(),
            ["attempts"] = 0,
            ["error"] = null,
            ["sent"] = false,
        };
        var data = (JsonObject)input.DeepClone();
        data["port"] = "ok";
        data["attempts"] = 0;
        return ValueTask.FromResult<NodeOutcome?>(new NodeOutcome("ok", output) { Input = input, Data = data });
    }
}
