using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13 item 4: while a rollout is open the dashboard shows both versions side by side.</summary>
public sealed class Issue13LiveRolloutsPanelTests : UiTestContext
{
    private static readonly Actor Author = new("author-1", "author-1@demo.local");
    private static readonly Actor Approver = new("approver-1", "approver-1@demo.local");

    [Fact]
    public async Task Panel_Issue13_OpenCanaryShowsBaselineAndCandidateSideBySideWithGuards()
    {
        // Arrange: a running canary of v2 (10 %) with an escalation guard.
        var rollouts = AppServices.GetRequiredService<IRolloutStore>();
        var id = await TwoApprovedVersionsAsync();
        var started = await rollouts.StartAsync(
            new NewRollout(id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 200, new RolloutGuards(null, 0.3, null, null)), Approver, CancellationToken.None);
        Assert.True(started.IsSuccess, started.Error?.Detail);
        AddServices(rollouts);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<LiveRolloutsPanel>();

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-testid=live-rollout][data-workflow-id='{id}']")));
        var panel = cut.Find($"[data-testid=live-rollout][data-workflow-id='{id}']");
        Assert.Equal("baseline v1", panel.QuerySelector("[data-testid=live-rollout-baseline]")!.TextContent);
        Assert.Equal("canary v2", panel.QuerySelector("[data-testid=live-rollout-candidate]")!.TextContent);
        Assert.Contains("canary 10 %", panel.QuerySelector("[data-testid=live-rollout-mode]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("maxEscalationRate ≤ 30.0 %", panel.QuerySelector("[data-testid=live-rollout-guard]")!.TextContent, StringComparison.Ordinal);
        var metrics = panel.QuerySelectorAll("[data-testid=live-rollout-row]").Select(r => r.GetAttribute("data-metric")).ToList();
        Assert.Equal(["Runs", "Automation", "Escalation", "Degraded", "Wrong (labelled)", "p95 latency"], metrics);
        Assert.Equal(["Runs", "0", "0"], panel.QuerySelector("[data-metric=Runs]")!.Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task Panel_Issue13_EndedRolloutNotShown()
    {
        // Arrange: the rollout was aborted.
        var rollouts = AppServices.GetRequiredService<IRolloutStore>();
        var id = await TwoApprovedVersionsAsync();
        var started = await rollouts.StartAsync(
            new NewRollout(id, 2, RolloutModes.Shadow, 20, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, null, null, null)), Approver, CancellationToken.None);
        Assert.True((await rollouts.EndAsync(started.Value!.Id, RolloutStates.Aborted, "Aborted by hand.", Approver, CancellationToken.None)).IsSuccess);
        AddServices(rollouts);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<LiveRolloutsPanel>(p => p.Add(x => x.WorkflowId, id));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=live-rollout]"));
    }

    private void AddServices(IRolloutStore rollouts)
    {
        Services.AddSingleton(rollouts);
        Services.AddSingleton(TimeProvider.System);
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
