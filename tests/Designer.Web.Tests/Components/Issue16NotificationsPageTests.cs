using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 16 item 3: the administrators' dead-letter list over the real outbox store and a real SQLite database.</summary>
public sealed class Issue16NotificationsPageTests : UiTestContext
{
    [Fact]
    public async Task Retry_Issue16_DeadLetterListed_RequeuedAuditedAndGoneFromList()
    {
        // Arrange: a failed run's event that the subscriber refused until it became a dead letter.
        var store = AppServices.GetRequiredService<INotificationStore>();
        Services.AddSingleton(store);
        var letterId = await SeedDeadLetterAsync(store);
        SignIn("admin-1", "admin");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<NotificationsPage>());
        cut.WaitForElement("[data-testid=dead-letters]");

        // Act
        Assert.Equal("run.failed", cut.Find("[data-testid=dead-letter-type]").TextContent);
        Assert.Equal("HTTP 500 Internal Server Error", cut.Find("[data-testid=dead-letter-error]").TextContent);
        await cut.Find("[data-testid=dead-letter-retry]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=notification-empty]")));
        Assert.Contains("queued again", cut.Find("[data-testid=notification-message]").TextContent, StringComparison.Ordinal);
        var due = Assert.Single(await store.ClaimDueAsync("check", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal((letterId, 0), (due.Id, due.Attempts));
        var audit = await AppServices.GetRequiredService<IAuditLog>().ListAsync(1, 10, letterId.ToString("D"), CancellationToken.None);
        var entry = Assert.Single(audit.Items);
        Assert.Equal((NotificationAuditActions.Retried, "admin-1"), (entry.Action, entry.ActorId));
    }

    [Fact]
    public async Task List_Issue13_RolloutDeadLetterLinksTheWorkflowVersionNotARun()
    {
        // Arrange: a rollback's event (issue 13) that the subscriber refused until it became a dead letter.
        var store = AppServices.GetRequiredService<INotificationStore>();
        Services.AddSingleton(store);
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var author = new Actor("author-1", "author-1@demo.local");
        var approver = new Actor("approver-1", "approver-1@demo.local");
        var workflowId = await SeedWorkflowAsync(author.Id);
        for (var n = 1; n <= 2; n++)
        {
            var draft = (await workflows.GetDraftAsync(workflowId, CancellationToken.None))!;
            Assert.True((await workflows.SubmitVersionAsync(workflowId, draft.DefinitionJson, $"hash-{n}", draft.ETag, author, null, CancellationToken.None)).IsSuccess);
            Assert.True((await workflows.ApproveVersionAsync(workflowId, n, approver, null, CancellationToken.None)).IsSuccess);
        }

        var rollouts = new RolloutStore(AppServices.GetRequiredService<IDbContextFactory<DesignerDbContext>>(), TimeProvider.System, new OpsRouter());
        var started = await rollouts.StartAsync(
            new NewRollout(workflowId, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, 0.3, null, null)), approver, CancellationToken.None);
        Assert.True((await rollouts.RollBackAsync(started.Value!.Id, new RolloutBreach("maxEscalationRate", 0.5, 0.3), "breached", approver, CancellationToken.None)).IsSuccess);
        var claimed = Assert.Single(await store.ClaimDueAsync("host", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        await store.MarkFailedAsync(claimed.Id, "host", "HTTP 500 Internal Server Error", null, CancellationToken.None);
        SignIn("admin-1", "admin");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<NotificationsPage>());
        cut.WaitForElement("[data-testid=dead-letters]");

        // Assert
        Assert.Equal(NotificationEventTypes.RolloutRolledBack, cut.Find("[data-testid=dead-letter-type]").TextContent);
        Assert.Equal($"/workflows/{workflowId}/versions?review=2", cut.Find("[data-testid=dead-letter-workflow]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[href^='/runs/']"));
    }

    private async Task<Guid> SeedDeadLetterAsync(INotificationStore store)
    {
        var workflowId = await SeedWorkflowAsync("author-1");
        var runs = new RunStore(AppServices.GetRequiredService<IDbContextFactory<DesignerDbContext>>(), TimeProvider.System, null, new OpsRouter());
        var run = await runs.CreateRunAsync(new NewRun(workflowId, 1, "sha256:x", "{}"), new Actor("op-1", "Op"), CancellationToken.None);
        await runs.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: "boom"), CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync("host", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        await store.MarkFailedAsync(claimed.Id, "host", "HTTP 500 Internal Server Error", null, CancellationToken.None);
        return claimed.Id;
    }

    private sealed class OpsRouter : IRunNotificationRouter
    {
        public IReadOnlyList<string> SubscribersFor(string eventType, Guid workflowId) => ["ops"];
    }
}
