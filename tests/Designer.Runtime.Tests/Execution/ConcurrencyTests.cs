using Designer.Runtime.Execution;

namespace Designer.Runtime.Tests.Execution;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task StartAsync_TwoRunsOnOneCompiledWorkflow_BothComplete()
    {
        var fixture = new RuntimeFixture();
        var workflow = fixture.CompileDemo();

        var results = await Task.WhenAll(
            fixture.Runner.StartAsync(workflow, "run-a", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken),
            fixture.Runner.StartAsync(workflow, "run-b", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken));

        Assert.All(results, r => Assert.True(r.Status == WorkflowRunStatus.Completed, r.Error));
    }
}
