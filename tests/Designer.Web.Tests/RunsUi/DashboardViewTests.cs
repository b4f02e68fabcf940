using Designer.Persistence;
using Bunit;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The dashboard view over runs the real runtime executed.</summary>
public sealed class DashboardViewTests : RunsUiContext
{
    [Fact]
    public async Task Render_WithRuns_ShowsRowChartsAndNodeLatency()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var run = await StartGateRunAsync(42.5);
        await WaitForRunAsync(run, RunStatus.Completed);

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<DashboardView>(c => c.Add(x => x.WorkflowId, App.GateWorkflowId)));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=dashboard-row]")));
        var row = cut.Find("[data-testid=dashboard-row]");
        Assert.Equal("1", row.QuerySelector("[data-testid=dashboard-runs]")!.TextContent);
        Assert.Contains("100", row.QuerySelector("[data-testid=dashboard-automation]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=dashboard-rates] svg"));
        Assert.NotEmpty(cut.FindAll("[data-testid=dashboard-latency-table] [data-node-id=policy]"));
    }
}
