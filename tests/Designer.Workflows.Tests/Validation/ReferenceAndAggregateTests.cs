using Designer.Workflows.Demo;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class ReferenceAndAggregateTests
{
    private sealed class FixedResolver(bool? model, bool? collection) : IWorkflowReferenceResolver
    {
        public bool? ModelExists(string model1, int? version) => model;

        public bool? CollectionExists(string name) => collection;
    }

    [Fact]
    public void Validate_MissingModelAndCollection_ReportsUnknownReferences()
    {
        // Arrange
        var validator = new WorkflowValidator(new FixedResolver(false, false));

        // Act
        var problems = validator.Validate(DemoWorkflows.DisputeTriage());

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigUnknownReference, nodeId: "risk", field: "model");
        ProblemAssert.Has(problems, ProblemCodes.ConfigUnknownReference, nodeId: "similar", field: "collection");
    }

    [Fact]
    public void Validate_ResolverCannotTell_ReportsNothing()
    {
        // Arrange
        var validator = new WorkflowValidator(new FixedResolver(null, null));

        // Act
        var problems = validator.Validate(DemoWorkflows.DisputeTriage());

        // Assert
        ProblemAssert.None(problems);
    }

    [Fact]
    public void Validate_ManyDistinctProblems_ReturnsEveryProblemAtOnce()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d =>
        {
            d.Name = "";
            d.NodeOf("similar").Config["topK"] = 0;
            d.NodeOf("policy").Config["rules"]![0]!["expression"] = "((";
            d.Nodes.Add(Node("mystery", "webhook"));
            d.Edges.Add(Edge("ghost", "risk", "ok", "nowhere"));
            d.Edges.Add(Edge("e1", "review", "timeout", "blocked"));
        });

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.WorkflowNameRequired);
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "similar", field: "topK");
        ProblemAssert.Has(problems, ProblemCodes.ExpressionSyntax, nodeId: "policy");
        ProblemAssert.Has(problems, ProblemCodes.NodeUnknownKind, nodeId: "mystery");
        ProblemAssert.Has(problems, ProblemCodes.NodeUnreachable, nodeId: "mystery");
        ProblemAssert.Has(problems, ProblemCodes.EdgeDanglingTarget, edgeId: "ghost");
        ProblemAssert.Has(problems, ProblemCodes.EdgeDuplicateId, edgeId: "e1");
        Assert.True(problems.Select(p => p.Code).Distinct().Count() >= 6);
    }

    [Fact]
    public void Validate_NullCollectionsAndConfig_DoesNotThrow()
    {
        // Arrange: a definition deserialised from hostile JSON can carry nulls the types do not admit.
        var definition = Minimal();
        definition.Nodes[1].Config = null!;
        definition.Nodes.Add(null!);
        definition.Edges.Add(new Definitions.EdgeDefinition { Id = "x", From = null!, To = null! });

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeDanglingSource, edgeId: "x");
    }
}
