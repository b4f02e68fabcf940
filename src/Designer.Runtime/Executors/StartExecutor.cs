using Designer.Runtime.Compilation;
using Designer.Runtime.Policies;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;
using Microsoft.Agents.AI.Workflows;

namespace Designer.Runtime.Executors;

/// <summary>Validates the run input against the start node's schema; invalid input fails the run with every problem.</summary>
public sealed class StartExecutor : NodeExecutor
{
    private readonly StartConfig _config;

    internal StartExecutor(NodeDefinition node, StartConfig config, RuntimeServices services, RedactionPolicy redaction)
        : base(node, services, redaction)
    {
        _config = config;
    }

    private protected override ValueTask<NodeOutcome?> ExecuteAsync(NodeScope scope, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var problems = InputSchemaValidator.Validate(_config.InputSchema, scope.State.Input);
        if (problems.Count > 0)
        {
            throw new NodeFaultException(Node.Id, $"the input does not match the schema: {string.Join("; ", problems)}", null);
        }

        return ValueTask.FromResult<NodeOutcome?>(new NodeOutcome("next", null) { Input = scope.State.Input });
    }
}
