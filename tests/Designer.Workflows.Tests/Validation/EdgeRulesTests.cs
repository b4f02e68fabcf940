using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class EdgeRulesTests
{
    [Fact]
    public void Validate_DuplicateEdgeId_ReportsDuplicateId()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Add(Edge("e1", "policy", "block", "auto")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeDuplicateId, edgeId: "e1");
    }

    [Fact]
    public void Validate_MissingSourceNode_ReportsDanglingSource()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Add(Edge("ghost", "nowhere", "next", "auto")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeDanglingSource, edgeId: "ghost");
    }

    [Fact]
    public void Validate_MissingTargetNode_ReportsDanglingTarget()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Single(e => e.Id == "e8").To = new("missing", "in"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeDanglingTarget, edgeId: "e8");
    }

    [Fact]
    public void Validate_SourcePortNotOnKind_ReportsUnknownSourcePort()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Single(e => e.Id == "e4").From = new("risk", "maybe"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeUnknownSourcePort, nodeId: "risk", edgeId: "e4");
    }

    [Fact]
    public void Validate_TargetPortNotIn_ReportsUnknownTargetPort()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Single(e => e.Id == "e4").To = new("policy", "input"));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeUnknownTargetPort, nodeId: "policy", edgeId: "e4");
    }

    [Fact]
    public void Validate_EdgeIntoStart_ReportsUnknownTargetPort()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Add(Edge("back", "policy", "block", "start")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeUnknownTargetPort, nodeId: "start", edgeId: "back");
    }

    [Fact]
    public void Validate_SelfLoop_ReportsSelfLoop()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Add(Edge("self", "review", "timeout", "review")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeSelfLoop, nodeId: "review", edgeId: "self");
    }

    [Fact]
    public void Validate_SameConnectionTwice_ReportsDuplicate()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Edges.Add(Edge("again", "start", "next", "similar")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.EdgeDuplicate, edgeId: "again");
    }
}
