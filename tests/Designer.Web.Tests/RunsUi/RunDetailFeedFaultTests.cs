using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The run page when its trace reads fail for a while: it says so and catches up, instead of freezing.</summary>
public sealed class RunDetailFeedFaultTests : RunsUiContext
{
    private FaultyRunStore? _store;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _store = new FaultyRunStore(AppServices.GetRequiredService<IRunStore>());
        Services.AddSingleton<IRunStore>(_store);
    }

    [Fact]
    public async Task Render_TraceReadsFailThenRecover_WarnsThenPaintsEveryNode()
    {
        // Arrange: a run waiting at its gate, and a store that refuses trace reads.
        SignIn("viewer-1", DesignerRoles.Viewer);
        var runId = await StartGateRunAsync(6000);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        _store!.FailTraceReads = true;

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<RunDetail>(c => c.Add(x => x.RunId, runId)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feed-error]")), WaitLimit);
        var pendingWhileFailing = Status(cut, "start");
        _store.FailTraceReads = false;

        // Assert: the warning goes and the page shows the run as it is, painted from the feed's rows.
        cut.WaitForAssertion(
            () =>
            {
                Assert.Empty(cut.FindAll("[data-testid=feed-error]"));
                Assert.Equal("waiting", Status(cut, "review"));
            },
            WaitLimit);
        Assert.Equal("pending", pendingWhileFailing);
        Assert.Equal("succeeded", Status(cut, "start"));
        Assert.Equal("succeeded", Status(cut, "policy"));
        var paints = JSInterop.Invocations.Where(i => i.Identifier == "setRunStatus" && (string?)i.Arguments[0] == "policy").ToList();
        Assert.Contains(paints, i => (string?)i.Arguments[1] == "succeeded" && i.Arguments[2] is double);
    }
}
