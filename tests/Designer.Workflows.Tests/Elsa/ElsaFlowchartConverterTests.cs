using System.Text.Json.Nodes;
using Designer.Workflows.Demo;
using Designer.Workflows.Elsa;
using Designer.Workflows.Serialization;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.Elsa;

public sealed class ElsaFlowchartConverterTests
{
    private readonly ElsaFlowchartConverter _converter = new();

    [Fact]
    public void Export_DisputeTriage_WritesFlowchartShape()
    {
        // Arrange / Act
        var root = JsonNode.Parse(ElsaFlowchartConverter.Export(DemoWorkflows.DisputeTriage()))!;

        // Assert
        Assert.Equal("dispute-triage", (string?)root["id"]);
        Assert.Equal("Elsa.Flowchart", (string?)root["root"]!["type"]);
        var gate = root["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "review")!;
        Assert.Equal(("Designer.HumanGate", 1, "Analyst review"),
            ((string?)gate["type"], (int)gate["version"]!, (string?)gate["metadata"]!["displayText"]));
        Assert.Equal(920, (double)gate["metadata"]!["designer"]!["position"]!["x"]!);
        var connection = root["root"]!["connections"]!.AsArray().Single(c => (string?)c!["id"] == "e5")!;
        Assert.Equal(("risk", "low-confidence", "draft", "In"),
            ((string?)connection["source"]!["activity"], (string?)connection["source"]!["port"],
             (string?)connection["target"]!["activity"], (string?)connection["target"]!["port"]));
    }

    [Fact]
    public void Import_ExportedDefinition_RoundTripsToSameCanonicalJson()
    {
        // Arrange
        var original = DemoWorkflows.DisputeTriage();

        // Act
        var imported = _converter.Import(ElsaFlowchartConverter.Export(original));

        // Assert
        ProblemAssert.None(imported.Problems);
        Assert.Equal(CanonicalJson.Serialize(original), CanonicalJson.Serialize(imported.Definition!));
    }

    [Fact]
    public void Import_UnknownActivityType_ReportsAndSkipsIt()
    {
        // Arrange
        var root = JsonNode.Parse(ElsaFlowchartConverter.Export(DemoWorkflows.DisputeTriage()))!;
        root["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "log1", ["type"] = "Elsa.WriteLine" });
        root["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "auto", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "log1", ["port"] = "In" },
        });

        // Act
        var result = _converter.Import(root.ToJsonString());

        // Assert
        ProblemAssert.Has(result.Problems, ProblemCodes.ElsaUnknownActivity, nodeId: "log1");
        ProblemAssert.Has(result.Problems, ProblemCodes.ElsaDanglingConnection);
        Assert.DoesNotContain(result.Definition!.Nodes, n => n.Id == "log1");
        ProblemAssert.None(new WorkflowValidator().Validate(result.Definition));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"root\":{\"activities\":\"x\"}}")]
    [InlineData("{\"root\":{\"activities\":[{\"type\":\"Designer.Model\",\"metadata\":{\"designer\":{\"position\":{\"x\":1e400}}}}]}}")]
    [InlineData("{{{")]
    public void Import_MalformedDocument_NeverThrows(string json)
    {
        // Arrange / Act
        var exception = Record.Exception(() => _converter.Import(json));

        // Assert
        Assert.Null(exception);
    }

    [Fact]
    public void Import_NotAnObject_ReportsMalformed()
    {
        // Arrange / Act
        var result = _converter.Import("[]");

        // Assert
        Assert.Null(result.Definition);
        ProblemAssert.Has(result.Problems, ProblemCodes.ElsaMalformed);
    }
}
