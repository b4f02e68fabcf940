using Designer.Persistence;
using Bunit;
using Designer.Runtime.Tracing;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.RunsUi;

/// <summary>
/// The run page when the run executes elsewhere: its notifier never hears of the run's rows (as on another silo),
/// so everything must come through the database poll.
/// </summary>
public sealed class RunDetailOtherSiloTests : RunsUiContext
{
    protected override ITraceNotifier CreateNotifier() => new TraceNotifier(TimeProvider.System);

    [Fact]
    public async Task Render_RunHostedElsewhere_FollowsItThroughThePoll()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var runId = await StartGateRunAsync(6000);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        cut.WaitForAssertion(() => Assert.Equal("waiting", Status(cut, "review")), WaitLimit);

        // Act
        await DecideThroughApiAsync((await PendingTaskAsync(runId)).Id, "approve");

        // Assert
        cut.WaitForAssertion(
            () =>
            {
                Assert.Equal("Completed", cut.Find("[data-testid=run-detail]").GetAttribute("data-run-status"));
                Assert.Equal("skipped", Status(cut, "auto"));
            },
            WaitLimit);
        Assert.Equal("succeeded", Status(cut, "analyst"));
    }
}
