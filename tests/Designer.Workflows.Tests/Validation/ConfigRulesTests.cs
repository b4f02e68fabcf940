using System.Text.Json.Nodes;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class ConfigRulesTests
{
    [Fact]
    public void Validate_RetrievalWithoutCollection_ReportsRequiredField()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("similar").Config.Remove("collection"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "similar", field: "collection");
    }

    [Fact]
    public void Validate_PolicyWithoutRules_ReportsRequiredField()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("policy").Config.Remove("rules"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "policy", field: "rules");
    }

    [Fact]
    public void Validate_ModelWithoutModelOrChatModel_ReportsRequiredModel()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("risk").Config.Remove("model"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "risk", field: "model");
    }

    [Fact]
    public void Validate_ChatModelWithoutPrompt_ReportsRequiredPromptTemplate()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d =>
        {
            d.NodeOf("risk").Config.Remove("model");
            d.NodeOf("risk").Config["chatModel"] = "gpt-small";
        });

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "risk", field: "promptTemplate");
    }

    [Fact]
    public void Validate_ConditionWithoutExpressionOrCases_ReportsRequired()
    {
        // Arrange
        var definition = Minimal();
        definition.Nodes.Add(Node("check", "condition"));

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "check", field: "expression");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_TopKOutOfRange_ReportsInvalidValue(int topK)
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("similar", "topK", topK);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "similar", field: "topK");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_MinConfidenceOutOfRange_ReportsInvalidValue(double confidence)
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("risk", "minConfidence", confidence);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "minConfidence");
    }

    [Fact]
    public void Validate_NonPositiveLatencySlo_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("risk", "latencySloMs", 0);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "latencySloMs");
    }

    [Fact]
    public void Validate_UnknownSloBreachAction_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("risk", "onSloBreach", "retry");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "risk", field: "onSloBreach");
    }

    [Fact]
    public void Validate_UnknownVerdict_ReportsInvalidValueOnRule()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("policy").Config["rules"]![1]!["verdict"] = "escalate");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "policy", field: "rules[1].verdict");
    }

    [Fact]
    public void Validate_UnknownRetrievalMode_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("similar", "mode", "semantic");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "similar", field: "mode");
    }

    [Fact]
    public void Validate_EmptyDecisions_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("review", "decisions", new JsonArray());

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "review", field: "decisions");
    }

    [Fact]
    public void Validate_UnknownAssigneeRole_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("review", "assigneeRole", "intern");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "review", field: "assigneeRole");
    }

    [Fact]
    public void Validate_UnknownTimeoutAction_ReportsInvalidValue()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("review", "timeoutAction", "escalate");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "review", field: "timeoutAction");
    }

    [Fact]
    public void Validate_WrongConfigValueType_ReportsConfigTypeWithField()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("similar", "topK", "five");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigType, nodeId: "similar", field: "topK");
    }

    [Fact]
    public void Validate_DenyListWithoutListField_ReportsRequiredListField()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("policy", "denyList", new JsonArray("acme"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigRequired, nodeId: "policy", field: "listField");
    }

    [Fact]
    public void Validate_ConditionCaseNamedElse_ReportsInvalidValue()
    {
        // Arrange
        var definition = Minimal();
        var cases = new JsonArray(new JsonObject { ["port"] = "else", ["expression"] = "true" });
        definition.Nodes.Add(Node("check", "condition", new() { ["cases"] = cases }));

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "check", field: "cases[0].port");
    }
}
