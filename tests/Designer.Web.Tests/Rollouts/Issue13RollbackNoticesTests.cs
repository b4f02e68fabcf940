using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13 item 4: the approver (and the starter) of a rolled-back rollout see it on top of their inbox.</summary>
public sealed class Issue13RollbackNoticesTests : UiTestContext
{
    private static readonly Actor Author = new("author-1", "author-1@demo.local");
    private static readonly Actor Approver = new("approver-1", "approver-1@demo.local");
    private static readonly Actor Starter = new("operator-1", "operator-1@demo.local");

    [Fact]
    public async Task Notices_Issue13_ApproverSeesRollbackWithReasonOthersSeeNothing()
    {
        // Arrange: v2 (approved by approver-1) rolled out by operator-1 and rolled back by the guard.
        var rollouts = AppServices.GetRequiredService<IRolloutStore>();
        var id = await TwoApprovedVersionsAsync();
        var started = await rollouts.StartAsync(
            new NewRollout(id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, 0.3, null, null)), Starter, CancellationToken.None);
        await rollouts.RollBackAsync(started.Value!.Id, new RolloutBreach("maxEscalationRate", 0.6, 0.3), "Guard maxEscalationRate breached: 60.0 % > 30.0 %",
            new Actor("system:rollout-guard", "Rollout guard"), CancellationToken.None);
        Services.AddSingleton(rollouts);
        Services.AddSingleton(TimeProvider.System);

        // Act
        SignIn(Approver.Id, "approver");
        var cut = Render<RollbackNotices>();

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=rollback-notice]")), TimeSpan.FromSeconds(30));
        var notice = cut.Find("[data-testid=rollback-notice]");
        Assert.Equal(started.Value.Id.ToString(), notice.GetAttribute("data-rollout-id"));
        Assert.Contains("v2 back to v1", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Guard maxEscalationRate breached", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/workflows/{id}/versions", cut.Find("[data-testid=rollback-notice] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Notices_Issue13_UserWhoNeitherApprovedNorStartedSeesNoPanel()
    {
        // Arrange
        var rollouts = AppServices.GetRequiredService<IRolloutStore>();
        var id = await TwoApprovedVersionsAsync();
        var started = await rollouts.StartAsync(
            new NewRollout(id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, 0.3, null, null)), Starter, CancellationToken.None);
        await rollouts.RollBackAsync(started.Value!.Id, new RolloutBreach("maxEscalationRate", 0.6, 0.3), "breached",
            new Actor("system:rollout-guard", "Rollout guard"), CancellationToken.None);
        Services.AddSingleton(rollouts);
        Services.AddSingleton(TimeProvider.System);

        // Act
        SignIn("viewer-9", "viewer");
        var cut = Render<RollbackNotices>();

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=rollback-notices]"));
    }

    private async Task<Guid> TwoApprovedVersionsAsync()
    {
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var id = await SeedWorkflowAsync(Author.Id);
        for (var n = 1; n <= 2; n++)
        {
            var draft = (await workflows.GetDraftAsync(id, CancellationToken.None))!;
            var submitted = await workflows.SubmitVersionAsync(id, draft.DefinitionJson, $"hash-{n}", draft.ETag, Author, null, CancellationToken.None);
            Assert.True(submitted.IsSuccess, submitted.Error?.Detail);
            Assert.True((await workflows.ApproveVersionAsync(id, n, Approver, null, CancellationToken.None)).IsSuccess);
        }

        return id;
    }
}
