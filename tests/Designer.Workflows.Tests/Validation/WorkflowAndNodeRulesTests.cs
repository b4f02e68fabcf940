using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

public sealed class WorkflowAndNodeRulesTests
{
    [Fact]
    public void Validate_UnsupportedSchemaVersion_ReportsSchemaVersion()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.SchemaVersion = 2);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.WorkflowSchemaVersion, field: "schemaVersion");
    }

    [Fact]
    public void Validate_EmptyName_ReportsNameRequired()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Name = "  ");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.WorkflowNameRequired, field: "name");
    }

    [Fact]
    public void Validate_UnknownKind_ReportsUnknownKindWithNodeId()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("policy").Kind = "webhook");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.NodeUnknownKind, nodeId: "policy", field: "kind");
    }

    [Fact]
    public void Validate_DuplicateNodeId_ReportsDuplicateId()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.Nodes.Add(Node("risk", "end")));

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.NodeDuplicateId, nodeId: "risk");
    }

    [Fact]
    public void Validate_EmptyNodeName_ReportsNodeNameRequired()
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("risk").Name = "");

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.NodeNameRequired, nodeId: "risk");
    }
}
