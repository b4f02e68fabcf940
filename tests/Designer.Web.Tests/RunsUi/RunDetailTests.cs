using Designer.Persistence;
using Bunit;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The live run page over the real app: statuses painted as rows arrive, timeline, inspector.</summary>
public sealed class RunDetailTests : RunsUiContext
{
    [Fact]
    public async Task Render_GateRun_PaintsNodesLiveAndFinishesAfterDecisionElsewhere()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var runId = await StartGateRunAsync(6000);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        cut.WaitForAssertion(() => Assert.Equal("waiting", Status(cut, "review")), WaitLimit);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);

        // Act
        await DecideThroughApiAsync(task.Id, "approve");

        // Assert: the page follows without a reload, and the analyst end was painted from a pushed row.
        cut.WaitForAssertion(
            () =>
            {
                Assert.Equal("Completed", cut.Find("[data-testid=run-detail]").GetAttribute("data-run-status"));
                Assert.Equal("skipped", Status(cut, "auto"));
            },
            WaitLimit);
        Assert.Equal("succeeded", Status(cut, "start"));
        Assert.Equal("succeeded", Status(cut, "policy"));
        Assert.Equal("succeeded", Status(cut, "review"));
        Assert.Equal("succeeded", Status(cut, "analyst"));
        Assert.Equal("skipped", Status(cut, "auto"));
        Assert.Equal("skipped", Status(cut, "blocked"));
        var paints = JSInterop.Invocations.Where(i => i.Identifier == "setRunStatus").ToList();
        Assert.Contains(paints, i => (string?)i.Arguments[0] == "analyst" && (string?)i.Arguments[1] == "succeeded" && i.Arguments[2] is double);
        Assert.Contains(paints, i => (string?)i.Arguments[0] == "auto" && (string?)i.Arguments[1] == "skipped");
        Assert.Contains("approve", cut.Find("[data-testid=run-output]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=run-timeline] [data-node-id=review] [data-testid=timeline-bar]"));
    }

    [Fact]
    public async Task Render_Issue18_GateWaiting_HeaderKeepsUpWithoutTraceRows()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var runId = await StartGateRunAsync(6000);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        cut.WaitForAssertion(() => Assert.Equal("waiting", Status(cut, "review")), WaitLimit);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);

        // Act: nothing is written while the gate waits.
        var durationBefore = cut.Find("[data-testid=run-duration]").TextContent;

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("WaitingForHuman", cut.Find("[data-testid=run-detail]").GetAttribute("data-run-status")), WaitLimit);
        cut.WaitForAssertion(() => Assert.NotEqual(durationBefore, cut.Find("[data-testid=run-duration]").TextContent), WaitLimit);
        Assert.Equal("waiting", cut.Find("[data-testid=run-timeline] [data-node-id=review] [data-testid=timeline-bar]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task SelectNode_PolicyOfFinishedRun_ShowsVerdictAndOutput()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var runId = await StartGateRunAsync(42.5);
        await WaitForRunAsync(runId, RunStatus.Completed);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        cut.WaitForAssertion(() => Assert.Equal("skipped", Status(cut, "review")), WaitLimit);

        // Act
        cut.Find("[data-testid=node-statuses] [data-node-id=policy] a").Click();

        // Assert
        var inspector = cut.Find("[data-testid=node-inspector]");
        Assert.Equal("policy", inspector.GetAttribute("data-node-id"));
        Assert.Equal("succeeded", cut.Find("[data-testid=inspector-status]").TextContent);
        Assert.Contains("pass", cut.Find("[data-testid=inspector-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("pass", cut.Find("[data-testid=inspector-output]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Maple Books", cut.Find("[data-testid=run-input]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Completed", cut.Find("[data-testid=run-detail]").GetAttribute("data-run-status"));
    }

    [Fact]
    public void Render_UnknownRun_SaysSo()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var id = Guid.NewGuid();

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, id)));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(id.ToString(), cut.Find("[data-testid=run-error]").TextContent, StringComparison.Ordinal));
    }
}
