using System.Text.Json.Nodes;
using Designer.Workflows.Demo;
using Designer.Workflows.Expressions;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

/// <summary>Issue 12: prompt templates may only read variables a run provides; output schemas must be valid.</summary>
public sealed class Issue12TemplateVariableTests
{
    [Fact]
    public void Validate_DemoDraftStep_HasNoTemplateProblems()
    {
        var problems = new WorkflowValidator().Validate(DemoWorkflows.DisputeTriage());

        Assert.DoesNotContain(problems, p => p.Code == ProblemCodes.TemplateUnknownVariable);
    }

    [Fact]
    public void Validate_Issue12_SchemasThatAreNotObjects_ReportProblemsInsteadOfThrowing()
    {
        // Arrange: found by the 1,000-request fuzz — a start schema and an output schema given as strings.
        var definition = DemoWorkflows.DisputeTriage();
        definition.NodeOf("start").Config["inputSchema"] = "text";
        definition.NodeOf("draft").Config["outputSchema"] = "text";
        definition.NodeOf("review").Kind = Designer.Workflows.Catalogue.NodeKinds.Model;
        definition.NodeOf("review").Config = DisputeTriageConfigs.DraftResolution();
        definition.NodeOf("review").Config["promptTemplate"] = "{{nodes.draft.output.resolution}}";

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        Assert.NotEmpty(problems);
        Assert.DoesNotContain(problems, p => p.Code == ProblemCodes.TemplateUnknownVariable && p.Message.Contains("'input.", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TemplateReadsUnknownVariables_ReportsEveryOne()
    {
        var problems = ValidateDraft(c =>
        {
            c["systemPrompt"] = "Case {{run.caseNumber}}";
            c["promptTemplate"] = "{{input.amount}} {{input.amountt}} {{nodes.risk.score}} {{nodes.review.decision}} "
                + "{{nodes.ghost.x}} {{customer.name}} {{nodes.risk.scroe}} {{Math.round(input.amount)}}";
        });

        var unknown = problems.Where(p => p.Code == ProblemCodes.TemplateUnknownVariable).ToList();
        Assert.Equal(6, unknown.Count);
        Assert.All(unknown, p => Assert.Equal("draft", p.NodeId));
        Assert.Contains(unknown, p => p.Field == "systemPrompt" && p.Message.Contains("'run.caseNumber'", StringComparison.Ordinal));
        Assert.Contains(unknown, p => p.Field == "promptTemplate" && p.Message.Contains("'input.amountt'", StringComparison.Ordinal));
        Assert.Contains(unknown, p => p.Message.Contains("'nodes.review' is not upstream", StringComparison.Ordinal));
        Assert.Contains(unknown, p => p.Message.Contains("'nodes.ghost' is not upstream", StringComparison.Ordinal));
        Assert.Contains(unknown, p => p.Message.Contains("'customer' is not a variable", StringComparison.Ordinal));
        Assert.Contains(unknown, p => p.Message.Contains("'nodes.risk.scroe' is not an output", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LambdaParametersAndObjectKeys_AreNotVariables()
    {
        var problems = ValidateDraft(c => c["promptTemplate"] =
            "{{nodes.similar.hits.map(h => h.text).join('; ')}} {{JSON.stringify({ amount: input.amount })}} {{input['currency']}}");

        Assert.DoesNotContain(problems, p => p.Code == ProblemCodes.TemplateUnknownVariable);
    }

    [Fact]
    public void Validate_ChatOutputFieldNotInUpstreamSchema_IsReported()
    {
        var definition = DemoWorkflows.DisputeTriage();
        var review = definition.NodeOf("review");
        review.Kind = Designer.Workflows.Catalogue.NodeKinds.Model;
        review.Config = DisputeTriageConfigs.DraftResolution();
        review.Config["promptTemplate"] = "{{nodes.draft.output.resolution}} {{nodes.draft.output.verdict}}";

        var problems = new WorkflowValidator().Validate(definition);

        var problem = ProblemAssert.Has(problems, ProblemCodes.TemplateUnknownVariable, nodeId: "review", field: "promptTemplate");
        Assert.Contains("'nodes.draft.output.verdict'", problem.Message, StringComparison.Ordinal);
        Assert.Single(problems, p => p.Code == ProblemCodes.TemplateUnknownVariable && p.NodeId == "review");
    }

    [Fact]
    public void Validate_OutputSchemaNotValidJsonSchema_ListsEveryProblem()
    {
        var problems = ValidateDraft(c => c["outputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("missing"),
            ["properties"] = new JsonObject
            {
                ["a"] = new JsonObject { ["type"] = "text" },
                ["b"] = "string",
                ["c"] = new JsonObject { ["type"] = "number", ["minimum"] = 5, ["maximum"] = 1 },
            },
        });

        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "draft", field: "outputSchema.required");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "draft", field: "outputSchema.properties.a.type");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "draft", field: "outputSchema.properties.b");
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "draft", field: "outputSchema.properties.c.minimum");
    }

    [Fact]
    public void Paths_DraftNode_OffersStartFieldsUpstreamOutputsAndRunFields()
    {
        var catalogue = VariableCatalogue.For(DemoWorkflows.DisputeTriage(), "draft");

        var paths = catalogue.Paths();

        Assert.Contains("input.amount", paths);
        Assert.Contains("nodes.risk.score", paths);
        Assert.Contains("nodes.similar.hits", paths);
        Assert.Contains("run.id", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("nodes.review", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("nodes.draft", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("input.a.b", "input", "a,b")]
    [InlineData("nodes['risk'].score > 1", "nodes", "risk,score")]
    [InlineData("nodes[input.id].score", "nodes", "")]
    public void References_MemberChains_ReadStaticPath(string expression, string root, string path)
    {
        var references = TemplateVariables.References(expression);

        Assert.Contains(references, r => r.Root == root && string.Join(',', r.Path) == path);
    }

    private static IReadOnlyList<ValidationProblem> ValidateDraft(Action<JsonObject> change)
    {
        var definition = DemoWorkflows.DisputeTriage();
        change(definition.NodeOf("draft").Config);
        return new WorkflowValidator().Validate(definition);
    }
}
