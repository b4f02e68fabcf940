using System.Text.Json.Nodes;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class ExpressionAndTemplateRulesTests
{
    [Fact]
    public void Validate_BrokenPolicyRuleExpression_ReportsSyntaxWithNodeAndPosition()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("policy").Config["rules"]![0]!["expression"] = "input.amount >");

        // Assert
        var problem = ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "policy",
            field: "rules[0].expression");
        Assert.Contains("column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenConditionExpression_ReportsSyntax()
    {
        // Arrange
        var definition = Minimal();
        definition.Nodes.Add(Node("check", "condition", new() { ["expression"] = "a === (b" }));

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "check", field: "expression");
    }

    [Fact]
    public void Validate_BrokenInputMapping_ReportsSyntaxOnMappingKey()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("risk").Config["inputMapping"]!["amount"] = "input..amount");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "risk", field: "inputMapping.amount");
    }

    [Fact]
    public void Validate_BrokenOutputMapping_ReportsSyntax()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("analyst").Config["outputMapping"]!["decision"] = "}{");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "analyst", field: "outputMapping.decision");
    }

    [Theory]
    [InlineData("{{input.description")]
    [InlineData("input.description}}")]
    [InlineData("{{ {{input}} }}")]
    [InlineData("{{ }}")]
    public void Validate_UnbalancedQueryTemplate_ReportsTemplateSyntax(string template)
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("similar", "queryTemplate", template);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.TemplateSyntax, nodeId: "similar", field: "queryTemplate");
    }

    [Fact]
    public void Validate_UnbalancedInstructions_ReportsTemplateSyntax()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("review", "instructions", "Check {{input.amount");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.TemplateSyntax, nodeId: "review", field: "instructions");
    }

    [Fact]
    public void Validate_UnsupportedSchemaKeyword_ReportsSchemaInvalid()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d =>
            d.NodeOf("start").Config["inputSchema"]!["properties"]!["amount"]!["pattern"] = "^[0-9]+$");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.SchemaInvalid, nodeId: "start",
            field: "inputSchema.properties.amount.pattern");
    }

    [Fact]
    public void Validate_SchemaRequiresUndeclaredProperty_ReportsSchemaInvalid()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("start").Config["inputSchema"]!["required"]!.AsArray().Add("iban"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.SchemaInvalid, nodeId: "start", field: "inputSchema.required");
    }

    [Fact]
    public void Validate_SchemaWithUnknownType_ReportsSchemaInvalid()
    {
        // Arrange / Act
        var problems = ValidateDemoWithConfig("start", "inputSchema", new JsonObject { ["type"] = "date" });

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.SchemaInvalid, nodeId: "start", field: "inputSchema.type");
    }
}
