using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Validation;

/// <summary>Issue 11 (b): the retrieval node's dense weight must be a weight.</summary>
public sealed class Issue11RetrievalDenseWeightRulesTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_Issue11_DenseWeightOutsideZeroToOne_ReportsInvalidValue(double weight)
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("similar").Config["denseWeight"] = weight);

        // Assert
        ProblemAssert.Has(problems, ProblemCodes.ConfigInvalidValue, nodeId: "similar", field: "denseWeight");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Validate_Issue11_DenseWeightInRange_IsAccepted(double weight)
    {
        // Arrange / Act
        var problems = ValidateDemoWith(d => d.NodeOf("similar").Config["denseWeight"] = weight);

        // Assert
        Assert.DoesNotContain(problems, p => p.Field == "denseWeight");
    }
}
