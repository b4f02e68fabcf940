using Designer.Workflows.Demo;

namespace Designer.Runtime.Tests.Retrieval;

/// <summary>Issue 11 (b): a retrieval node's own dense weight travels with its search; absent, the collection decides.</summary>
public sealed class Issue11RetrievalDenseWeightTests
{
    [Fact]
    public async Task StartAsync_Issue11_NodeSetsDenseWeight_SearchCarriesIt()
    {
        // Arrange
        var fixture = new RuntimeFixture();
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes.Single(n => n.Id == "similar").Config["denseWeight"] = 0.35;

        // Act
        await fixture.Runner.StartAsync(fixture.Compile(definition), "run-weight", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0.35, Assert.Single(fixture.Search.Requests).DenseWeight);
    }

    [Fact]
    public async Task StartAsync_Issue11_NodeWithoutDenseWeight_LeavesItToTheCollection()
    {
        // Arrange
        var fixture = new RuntimeFixture();

        // Act
        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-no-weight", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(Assert.Single(fixture.Search.Requests).DenseWeight);
    }
}
