using Designer.Persistence;
using Bunit;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The inbox over the real app: tasks per role, live removal, decisions through the run's grain, 409s.</summary>
public sealed class InboxListTests : RunsUiContext
{
    // Long enough that only a pushed row can change the list while a test runs.
    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);

    [Fact]
    public async Task Render_TaskDecidedElsewhere_DisappearsLive()
    {
        // Arrange
        SignIn("approver-1", DesignerRoles.Approver);
        var runId = await StartGateRunAsync(6000);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));
        var card = cut.Find($"[data-task-id='{task.Id}']");
        Assert.Contains("6000 EUR", card.QuerySelector("[data-testid=task-instructions]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("due in", card.QuerySelector("[data-testid=task-sla]")!.TextContent.Trim(), StringComparison.Ordinal);

        // Act
        await DecideThroughApiAsync(task.Id, "reject");

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-task-id='{task.Id}']")), WaitLimit);
    }

    [Fact]
    public async Task Approve_WithCommentAndEdit_RunCompletesWithTheDecision()
    {
        // Arrange
        SignIn("approver-7", DesignerRoles.Approver);
        var runId = await StartGateRunAsync(7000);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));

        // Act
        cut.Find($"[data-task-id='{task.Id}'] [data-testid=task-field-resolution]").Change("refund");
        cut.Find($"[data-task-id='{task.Id}'] [data-testid=task-comment]").Change("looks genuine");
        cut.Find($"[data-task-id='{task.Id}'] [data-testid=task-approve]").Click();

        // Assert
        var run = await WaitForRunAsync(runId, RunStatus.Completed);
        Assert.True(run.HumanDecided);
        Assert.Contains("\"refund\"", run.OutputJson, StringComparison.Ordinal);
        var decided = await AppServices.GetRequiredService<IRunStore>().GetTaskAsync(task.Id, CancellationToken.None);
        Assert.Equal("approver-7", decided!.DecidedById);
        Assert.Equal("looks genuine", decided.Comment);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-task-id='{task.Id}']")));
    }

    [Fact]
    public async Task Approve_TaskAlreadyDecidedOnAnotherHost_ShowsWhoDecided()
    {
        // Arrange: decided straight in the database (as another host would), so no push reaches this page.
        SignIn("approver-1", DesignerRoles.Approver);
        var runId = await StartGateRunAsync(8000);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));
        await AppServices.GetRequiredService<IRunStore>().DecideTaskAsync(
            task.Id, new TaskDecision("reject", null, null), new Actor("approver-2", "Second Approver"), CancellationToken.None);

        // Act
        cut.Find($"[data-task-id='{task.Id}'] [data-testid=task-approve]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("already decided by Second Approver", cut.Find("[data-testid=inbox-conflict]").TextContent, StringComparison.Ordinal), WaitLimit);
        Assert.Empty(cut.FindAll($"[data-task-id='{task.Id}']"));
    }

    [Fact]
    public async Task Render_UserWithoutTheTaskRole_SeesNoTask()
    {
        // Arrange
        SignIn("operator-1", DesignerRoles.Operator);
        var runId = await StartGateRunAsync(6500);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));

        // Assert
        Assert.NotEmpty(cut.FindAll("[data-testid=inbox-empty]"));
        Assert.Equal("0", cut.Find("[data-testid=inbox]").GetAttribute("data-count"));
    }
}
