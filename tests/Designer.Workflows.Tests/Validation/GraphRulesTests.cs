using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class GraphRulesTests
{
    private readonly WorkflowValidator _validator = new();

    [Fact]
    public void Validate_Minimal_HasNoProblems()
    {
        // Arrange / Act
        var problems = _validator.Validate(Minimal());

        // Assert
        ProblemAssert.None(problems);
    }

    [Fact]
    public void Validate_NoStart_ReportsNoStart()
    {
        // Arrange
        var definition = Minimal();
        definition.Nodes.RemoveAll(n => n.Id == "start");
        definition.Edges.Clear();

        // Act
        var problems = _validator.Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.GraphNoStart);
    }

    [Fact]
    public void Validate_TwoStarts_ReportsMultipleStartsOnSecond()
    {
        // Arrange
        var definition = Minimal();
        definition.Nodes.Add(Node("start2", "start"));
        definition.Edges.Add(Edge("e2", "start2", "next", "end"));

        // Act
        var problems = _validator.Validate(definition);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.GraphMultipleStarts, nodeId: "start2");
    }

    [Fact]
    public void Validate_NoEnd_ReportsNoEnd()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Nodes.RemoveAll(n => n.Kind == "end"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.GraphNoEnd);
    }

    [Fact]
    public void Validate_IsolatedNode_ReportsUnreachable()
    {
        // Arrange
        var definition = Minimal();
        definition.Nodes.Add(Node("orphan", "end"));

        // Act
        var problems = _validator.Validate(definition);

        // Assert
        var problem = ProblemAssert.Has(problems, ProblemCodes.NodeUnreachable, nodeId: "orphan");
        Assert.Single(problems);
        Assert.Contains("orphan", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonEndWithoutOutgoingEdge_ReportsDeadEnd()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.RemoveAll(e => e.From.Node == "policy"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.NodeDeadEnd, nodeId: "policy");
    }

    [Fact]
    public void Validate_Cycle_ReportsEveryNodeOnTheCycle()
    {
        // Arrange: review gate's timeout loops back into the risk model, which can reach the gate again.
        var problems = ValidateDemoWith(d =>
        {
            d.Edges.RemoveAll(e => e.Id == "e13");
            d.Edges.Add(Edge("loop", "review", "timeout", "risk"));
        });

        // Act
        var cycleNodes = problems.Where(p => p.Code == ProblemCodes.GraphCycle).Select(p => p.NodeId).Order();

        // Assert
        Assert.Equal(["draft", "policy", "review", "risk"], cycleNodes);
    }

    [Fact]
    public void Validate_LargeChain_DoesNotOverflowAndIsValid()
    {
        // Arrange: a 4,000-node chain would overflow a recursive traversal.
        var definition = Minimal();
        definition.Edges.Clear();
        var previous = "start";
        var port = "next";
        for (var i = 0; i < 4000; i++)
        {
            definition.Nodes.Add(Node($"c{i}", "condition", new() { ["expression"] = "true" }));
            definition.Edges.Add(Edge($"e{i}", previous, port, $"c{i}"));
            definition.Edges.Add(Edge($"x{i}", $"c{i}", "else", "end"));
            (previous, port) = ($"c{i}", "true");
        }

        definition.Edges.Add(Edge("last", previous, port, "end"));

        // Act
        var problems = _validator.Validate(definition);

        // Assert
        ProblemAssert.None(problems);
    }
}
