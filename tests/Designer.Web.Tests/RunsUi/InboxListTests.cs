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
        await ConfirmAsync(cut, task.Id, "approve");

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
        await ConfirmAsync(cut, task.Id, "approve");

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

    [Fact]
    public async Task Reject_Issue18_AsksForConfirmationWithTheCaseAndAComment()
    {
        // Arrange
        SignIn("approver-1", DesignerRoles.Approver);
        var runId = await StartGateRunAsync(9500);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));

        // Act: the click only opens the confirmation.
        var click = cut.Find($"[data-task-id='{task.Id}'] [data-testid=task-reject]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]");
        var pendingAfterClick = (await AppServices.GetRequiredService<IRunStore>().GetTaskAsync(task.Id, CancellationToken.None))!.Status;
        var okDisabledWithoutComment = cut.Find("[data-testid=comment-ok]").HasAttribute("disabled");
        var question = cut.Find("[data-testid=comment-message]").TextContent;
        cut.Find(".mud-dialog textarea").Input("Merchant confirmed delivery.");
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await click;

        // Assert
        Assert.Equal(HumanTaskStatus.Pending, pendingAfterClick);
        Assert.True(okDisabledWithoutComment);
        Assert.Contains("9,500", question, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("reject", cut.Find("[data-testid=inbox-decided]").TextContent, StringComparison.Ordinal), WaitLimit);
        var decided = await AppServices.GetRequiredService<IRunStore>().GetTaskAsync(task.Id, CancellationToken.None);
        Assert.Equal("Merchant confirmed delivery.", decided!.Comment);
    }

    [Fact]
    public async Task Render_Issue18_CardTitledByTheCaseWithReadableEvidence()
    {
        // Arrange
        SignIn("approver-1", DesignerRoles.Approver);
        var runId = await StartGateRunAsync(9500);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var task = await PendingTaskAsync(runId);

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<InboxList>(c => c.Add(x => x.FallbackPoll, NoPolling)));

        // Assert
        var card = cut.Find($"[data-task-id='{task.Id}']");
        Assert.Contains("9,500", card.QuerySelector("[data-testid=task-title]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(task.NodeId, card.QuerySelector("[data-testid=task-title]")!.TextContent.Trim());
        Assert.NotEmpty(card.QuerySelectorAll("[data-testid=task-case-field]"));
    }

    private static async Task ConfirmAsync(IRenderedComponent<ProvidersHost> cut, Guid taskId, string decision)
    {
        var click = cut.Find($"[data-task-id='{taskId}'] [data-testid=task-{decision}]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]");
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await click;
    }
}
