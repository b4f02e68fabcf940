using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

/// <summary>Issue 16 item 2: design-time checks of the HTTP action node.</summary>
public sealed class Issue16ActionConfigRulesTests
{
    private sealed class ConnectionResolver(params string[] known) : IWorkflowReferenceResolver
    {
        public bool? ModelExists(string model, int? version) => null;

        public bool? CollectionExists(string name) => null;

        public bool? ActionConnectionExists(string name) => known.Contains(name, StringComparer.Ordinal);
    }

    private static WorkflowDefinition WithAction(JsonObject config) => new()
    {
        Name = "Refund",
        Nodes = [Node("start", "start"), Node("refund", NodeKinds.Action, config), Node("end", "end")],
        Edges =
        [
            Edge("e1", "start", "next", "refund"),
            Edge("e2", "refund", "ok", "end"),
            Edge("e3", "refund", "client-error", "end"),
            Edge("e4", "refund", "server-error", "end"),
            Edge("e5", "refund", "timeout", "end"),
        ],
    };

    private static JsonObject Valid() => new()
    {
        ["method"] = "POST",
        ["connection"] = "payments",
        ["pathTemplate"] = "refunds/{{input.caseId}}",
        ["headers"] = new JsonObject { ["X-Case"] = "{{input.caseId}}" },
        ["bodyTemplate"] = "{\"amount\": {{input.amount}}}",
        ["responseMapping"] = new JsonObject { ["refundId"] = "response.body.id" },
        ["timeoutMs"] = 5000,
    };

    [Fact]
    public void Validate_ValidActionWithKnownConnection_ReportsNothing()
    {
        // Arrange
        var validator = new WorkflowValidator(new ConnectionResolver("payments"));

        // Act
        var problems = validator.Validate(WithAction(Valid()));

        // Assert
        ProblemAssert.None(problems);
    }

    [Fact]
    public void Validate_UnknownConnection_ReportsUnknownReference()
    {
        // Arrange
        var validator = new WorkflowValidator(new ConnectionResolver("ledger"));

        // Act
        var problems = validator.Validate(WithAction(Valid()));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigUnknownReference, nodeId: "refund", field: "connection");
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("refunds/../../admin")]
    [InlineData("file:///etc/passwd")]
    [InlineData("\\\\evil\\share")]
    public void Validate_PathTemplateLeavesConnection_ReportsInvalidPath(string path)
    {
        // Arrange
        var config = Valid();
        config["pathTemplate"] = path;

        // Act
        var problems = new WorkflowValidator().Validate(WithAction(config));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "pathTemplate");
    }

    [Fact]
    public void Validate_EveryBadField_ReportsEveryProblemAtOnce()
    {
        // Arrange
        var config = Valid();
        config["method"] = "TRACE";
        config["headers"] = new JsonObject { ["Authorization"] = "Bearer {{input.token}}", ["Idempotency-Key"] = "x" };
        config["bodyTemplate"] = "{{ input.amount ";
        config["responseMapping"] = new JsonObject { ["refundId"] = "((" };
        config["timeoutMs"] = 0;

        // Act
        var problems = new WorkflowValidator().Validate(WithAction(config));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "method");
        Assert.Equal(2, problems.Count(p => p.Code == ProblemCodes.ConfigInvalidValue && p.Field == "headers"));
        ProblemAssert.Has(problems, ProblemCodes.TemplateSyntax, nodeId: "refund", field: "bodyTemplate");
        ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "refund", field: "responseMapping.refundId");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "timeoutMs");
    }

    [Fact]
    public void Validate_MissingConnectionAndPath_ReportsBothRequired()
    {
        // Arrange / Act
        var problems = new WorkflowValidator().Validate(WithAction(new JsonObject { ["method"] = "GET" }));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "refund", field: "connection");
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "refund", field: "pathTemplate");
    }

    [Fact]
    public void OutputPorts_ActionNode_ListsOkClientErrorServerErrorTimeout()
    {
        // Arrange / Act
        var ports = NodeKindCatalogue.Default.OutputPorts(Node("a", NodeKinds.Action));

        // Assert
        Assert.Equal(["ok", "client-error", "server-error", "timeout"], ports);
    }

    [Fact]
    public void Validate_Issue16_CompensationWithEveryFieldWrong_ReportsEachUnderCompensation()
    {
        // Arrange
        var config = Valid();
        config["compensation"] = new JsonObject
        {
            ["method"] = "TRACE",
            ["pathTemplate"] = "https://evil.example/undo",
            ["headers"] = new JsonObject { ["Authorization"] = "x" },
            ["bodyTemplate"] = "{{ unclosed",
        };
        var validator = new WorkflowValidator(new ConnectionResolver("payments"));

        // Act
        var problems = validator.Validate(WithAction(config));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "compensation.method");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "compensation.pathTemplate");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "refund", field: "compensation.headers");
        ProblemAssert.Has(problems, ProblemCodes.TemplateSyntax, nodeId: "refund", field: "compensation.bodyTemplate");
    }

    [Fact]
    public void Validate_Issue16_CompensationReadingResponse_ReportsNothing()
    {
        // Arrange
        var config = Valid();
        config["compensation"] = new JsonObject { ["method"] = "DELETE", ["pathTemplate"] = "refunds/{{response.body.id}}" };
        var validator = new WorkflowValidator(new ConnectionResolver("payments"));

        // Act
        var problems = validator.Validate(WithAction(config));

        // Assert
        ProblemAssert.None(problems);
    }
}
