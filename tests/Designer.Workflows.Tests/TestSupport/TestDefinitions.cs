using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.TestSupport;

/// <summary>Builders for small definitions and for mutating the (valid) demo workflow.</summary>
internal static class TestDefinitions
{
    public static WorkflowDefinition Minimal() => new()
    {
        Name = "Minimal",
        Nodes = [Node("start", "start"), Node("end", "end")],
        Edges = [Edge("e1", "start", "next", "end")],
    };

    public static NodeDefinition Node(string id, string kind, JsonObject? config = null) =>
        new() { Id = id, Kind = kind, Name = id, Position = new NodePosition(0, 0), Config = config ?? [] };

    public static EdgeDefinition Edge(string id, string from, string port, string to, string toPort = "in") =>
        new() { Id = id, From = new PortRef(from, port), To = new PortRef(to, toPort) };

    public static NodeDefinition NodeOf(this WorkflowDefinition definition, string id) =>
        definition.Nodes.Single(n => n.Id == id);

    /// <summary>Validates the demo workflow after applying <paramref name="change"/>.</summary>
    public static IReadOnlyList<ValidationProblem> ValidateDemoWith(Action<WorkflowDefinition> change)
    {
        var definition = DemoWorkflows.DisputeTriage();
        change(definition);
        return new WorkflowValidator().Validate(definition);
    }

    /// <summary>Validates the demo workflow with one config value of one node replaced.</summary>
    public static IReadOnlyList<ValidationProblem> ValidateDemoWithConfig(string nodeId, string key, JsonNode? value) =>
        ValidateDemoWith(d => d.NodeOf(nodeId).Config[key] = value);
}
