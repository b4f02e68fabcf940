using System.Text.Json;
using Designer.Workflows.Definitions;
using Designer.Workflows.Demo;
using Designer.Workflows.Diff;
using Designer.Workflows.Elsa;
using Designer.Workflows.Serialization;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.Serialization;

public sealed class WireFormatTests
{
    [Fact]
    public void Deserialize_WithWorkflowJsonOptions_ReadsDemoForModelBinding()
    {
        // Arrange
        var json = DemoWorkflows.DisputeTriageJson();

        // Act
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)!;

        // Assert
        Assert.Equal(ContentHash.Compute(DemoWorkflows.DisputeTriage()), ContentHash.Compute(definition));
    }

    [Fact]
    public void Serialize_ValidationProblem_UsesCamelCaseAndOmitsNulls()
    {
        // Arrange
        var problem = new ValidationProblem(ProblemCodes.NodeDeadEnd, "m", NodeId: "n1");

        // Act
        var json = JsonSerializer.Serialize(problem, WorkflowJson.Options);

        // Assert
        Assert.Equal("""{"code":"node.deadEnd","message":"m","nodeId":"n1"}""", json);
    }

    [Fact]
    public void Parse_DuplicateConfigKeys_ReportsMalformedConfigAndKeepsNode()
    {
        // Arrange
        var json = WorkflowJson.Serialize(TestDefinitions.Minimal())
            .Replace("\"config\":{}", "\"config\":{\"a\":1,\"a\":2}", StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        ProblemAssert.Has(result.Problems, ProblemCodes.JsonMalformed, nodeId: "start", field: "nodes[0].config");
        Assert.Equal(2, result.Definition!.Nodes.Count);
    }

    [Fact]
    public void Parse_DuplicateNodeProperty_ReportsMalformedWithNodeId()
    {
        // Arrange
        var json = WorkflowJson.Serialize(TestDefinitions.Minimal())
            .Replace("\"kind\":\"end\"", "\"kind\":\"end\",\"kind\":\"start\"", StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        ProblemAssert.Has(result.Problems, ProblemCodes.JsonMalformed, nodeId: "end", field: "nodes[1]");
    }

    [Fact]
    public void PublicOperations_DefinitionFullOfNulls_DoNotThrow()
    {
        // Arrange: what a careless deserialiser can produce despite the non-nullable annotations.
        var definition = new WorkflowDefinition
        {
            Name = null!,
            Nodes = [new NodeDefinition { Id = null!, Kind = null!, Name = null!, Position = null!, Config = null! }, null!],
            Edges = [new EdgeDefinition { Id = null!, From = new PortRef(null!, null!), To = null! }, null!],
        };

        // Act
        var exception = Record.Exception(() =>
        {
            _ = new WorkflowValidator().Validate(definition);
            _ = ContentHash.Compute(definition);
            _ = WorkflowDiff.Compute(definition, DemoWorkflows.DisputeTriage());
            _ = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), definition);
            _ = ElsaFlowchartConverter.Export(definition);
        });

        // Assert
        Assert.Null(exception);
    }
}
