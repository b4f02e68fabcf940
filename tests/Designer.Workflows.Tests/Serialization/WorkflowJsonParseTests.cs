using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.Serialization;

public sealed class WorkflowJsonParseTests
{
    private const string Sample = """
        { "schemaVersion": 1, "name": "Dispute triage", "description": "d",
          "nodes": [
            { "id": "start", "kind": "start", "name": "Dispute received", "position": { "x": 40, "y": 200 },
              "config": { "inputSchema": { "type": "object", "required": ["amount"], "properties": { "amount": { "type": "number" } } } } },
            { "id": "end", "kind": "end", "name": "Resolved", "position": { "x": 600, "y": 200 }, "config": {} } ],
          "edges": [ { "id": "e1", "from": { "node": "start", "port": "next" }, "to": { "node": "end", "port": "in" } } ] }
        """;

    [Fact]
    public void Parse_WireFormatSample_ReadsEveryField()
    {
        // Arrange / Act
        var result = WorkflowJson.Parse(Sample);

        // Assert
        Assert.True(result.IsWellFormed, string.Join("\n", result.Problems));
        var definition = result.Definition!;
        Assert.Equal(("Dispute triage", "d", 2, 1), (definition.Name, definition.Description, definition.Nodes.Count, definition.Edges.Count));
        Assert.Equal(new(40, 200), definition.Nodes[0].Position);
        Assert.Equal("number", (string?)definition.Nodes[0].Config["inputSchema"]!["properties"]!["amount"]!["type"]);
        Assert.Equal(new("start", "next"), definition.Edges[0].From);
    }

    [Fact]
    public void Serialize_ThenParse_RoundTripsToSameHash()
    {
        // Arrange
        var original = DemoWorkflows.DisputeTriage();

        // Act
        var json = WorkflowJson.Serialize(original);
        var reparsed = WorkflowJson.Parse(json).Definition!;

        // Assert
        Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
        Assert.Equal(ContentHash.Compute(original), ContentHash.Compute(reparsed));
    }

    [Theory]
    [InlineData("{", ProblemCodes.JsonMalformed, "$")]
    [InlineData("[]", ProblemCodes.JsonType, "$")]
    [InlineData("""{"schemaVersion":1,"name":"x","nodes":"many","edges":[]}""", ProblemCodes.JsonType, "nodes")]
    [InlineData("""{"schemaVersion":"1","name":"x","nodes":[],"edges":[]}""", ProblemCodes.JsonType, "schemaVersion")]
    [InlineData("""{"schemaVersion":1,"nodes":[],"edges":[]}""", ProblemCodes.JsonRequired, "name")]
    [InlineData("""{"schemaVersion":1,"name":"x","nodes":[]}""", ProblemCodes.JsonRequired, "edges")]
    [InlineData("""{"schemaVersion":1,"name":"x","nodes":[7],"edges":[]}""", ProblemCodes.JsonType, "nodes[0]")]
    public void Parse_StructuralProblem_ReportsCodeAndField(string json, string code, string field)
    {
        // Arrange / Act
        var result = WorkflowJson.Parse(json);

        // Assert
        Assert.False(result.IsWellFormed);
        ProblemAssert.Has(result.Problems, code, field: field);
    }

    [Fact]
    public void Parse_BadNodeFields_ReportsEachWithNodeId()
    {
        // Arrange
        const string json = """
            {"schemaVersion":1,"name":"x","edges":[{"id":"e 1","from":"start","to":{"node":"a"}}],
             "nodes":[{"id":"a","kind":"end","name":"A","position":{"x":"left","y":1},"config":[1]}]}
            """;

        // Act
        var problems = WorkflowJson.Parse(json).Problems;

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.JsonType, nodeId: "a", field: "nodes[0].position.x");
        ProblemAssert.Has(problems, ProblemCodes.JsonType, nodeId: "a", field: "nodes[0].config");
        ProblemAssert.Has(problems, ProblemCodes.JsonInvalidId, field: "edges[0].id");
        ProblemAssert.Has(problems, ProblemCodes.JsonType, field: "edges[0].from");
        ProblemAssert.Has(problems, ProblemCodes.JsonRequired, field: "edges[0].to.port");
    }

    [Fact]
    public void Parse_NullConfig_ReadsAsEmptyObject()
    {
        // Arrange
        var json = Sample.Replace("\"config\": {} }", "\"config\": null }", StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        Assert.True(result.IsWellFormed, string.Join("\n", result.Problems));
        Assert.Empty(result.Definition!.Nodes[1].Config);
    }

    [Fact]
    public void Parse_NestingDeeperThan64_ReportsMalformed()
    {
        // Arrange
        var json = Sample.Replace("\"config\": {}", "\"config\": {\"a\":" + new string('[', 80) + new string(']', 80) + "}",
            StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        ProblemAssert.Has(result.Problems, ProblemCodes.JsonMalformed);
    }

    [Fact]
    public void Parse_LongNameAndLongConfigString_ReportsLimits()
    {
        // Arrange
        var json = Sample
            .Replace("\"Resolved\"", $"\"{new string('r', 201)}\"", StringComparison.Ordinal)
            .Replace("\"config\": {}", $"\"config\": {{\"x\":\"{new string('x', 10_001)}\"}}", StringComparison.Ordinal);

        // Act
        var problems = WorkflowJson.Parse(json).Problems;

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.JsonLimit, nodeId: "end", field: "nodes[1].name");
        ProblemAssert.Has(problems, ProblemCodes.JsonLimit, nodeId: "end", field: "nodes[1].config.x");
    }

    [Fact]
    public void Parse_DocumentOver5MB_ReportsLimitWithoutParsing()
    {
        // Arrange
        var json = Sample.Replace("\"d\"", $"\"{new string('d', WorkflowLimits.MaxDocumentBytes)}\"", StringComparison.Ordinal);

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        Assert.Null(result.Definition);
        ProblemAssert.Has(result.Problems, ProblemCodes.JsonLimit, field: "$");
    }

    [Fact]
    public void Parse_TooManyNodes_ReportsLimitAndKeepsFirst5000()
    {
        // Arrange
        var nodes = string.Join(",", Enumerable.Range(0, 5001).Select(i =>
            $$$"""{"id":"n{{{i}}}","kind":"end","name":"n","position":{"x":0,"y":0}}"""));
        var json = $$"""{"schemaVersion":1,"name":"x","nodes":[{{nodes}}],"edges":[]}""";

        // Act
        var result = WorkflowJson.Parse(json);

        // Assert
        ProblemAssert.Has(result.Problems, ProblemCodes.JsonLimit, field: "nodes");
        Assert.Equal(WorkflowLimits.MaxNodes, result.Definition!.Nodes.Count);
    }
}
